namespace Harness.DataGen;

internal static partial class Lexicon
{
    private static ConceptFamily Weather() =>
        new ConceptFamily(ConceptKind.Weather, WordForm.Adjective, new ToolPropensity(0.9, 0.35, 0.6))
            .Add("rainy", "exp -10, con 10, sat -20, temp -20, struct 10", "blu.s 15, cya.s 10, ora.s -10", "moody_Storm 1")
            .Add("foggy", "con -35, bri 10, sat -25, lin 25, bloom 10", "", "soft_Haze 2")
            .Add("misty", "con -25, bri 10, sat -15, lin 20, temp -5", "", "soft_Haze 2")
            .Add("snowy", "exp 15, bri 15, hi 10, sat -15, temp -25", "blu.s 10, blu.l 15, cya.l 10", "cool_Arctic 2")
            .Add("stormy", "exp -20, con 30, sat -30, temp -15, struct 25", "blu.s 10, yel.s -20", "moody_Storm 3")
            .Add("overcast", "con -15, sat -20, temp -10, hi -10")
            .Add("cloudy", "con -10, sat -10, temp -5, hi -10")
            .Add("sunny", "exp 10, bri 15, sat 20, vib 15, temp 15", "yel.s 20, blu.s 20, gre.s 10", "vivid_Pop 1")
            .Add("hazy", "con -25, bri 10, sat -10, temp 10, lin 20, bloom 10", "", "faded_Dusty 1")
            .Add("humid", "con -15, sat 5, temp 15, tint -5, bloom 10")
            .Add("frosty", "bri 10, sat -20, temp -35, hi 10", "cya.s 15, blu.s 15, blu.l 10", "cool_Arctic 2")
            .Add("icy", "bri 5, sat -15, temp -40, con 10", "cya.s 20, blu.s 25", "cool_Arctic 3")
            .Add("drizzly", "exp -5, con -5, sat -15, temp -15")
            .Add("thundery", "exp -25, con 35, sat -25, temp -20, struct 20", "", "moody_Storm 2")
            .Add("windswept", "con 15, sat -10, struct 20, sharp 10")
            .Add("dusty", "con -20, sat -20, temp 20, lin 15", "ora.s 10, yel.s 10, blu.s -20", "faded_Dusty 3")
            .Add("smoky", "con -20, sat -25, lin 20, exp -10, temp 5", "", "faded_Dusty 1")
            .Add("sun-drenched", "exp 15, bri 15, hi 20, sat 15, temp 20, bloom 10", "", "faded_HighNoon 1")
            .Add("drenched", "exp -10, con 15, sat -15, sh -10, temp -10");
}
