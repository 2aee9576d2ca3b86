namespace Harness.DataGen;

internal static partial class Lexicon
{
    private static ConceptFamily TimesOfDay() =>
        new ConceptFamily(ConceptKind.TimeOfDay, WordForm.Noun, new ToolPropensity(0.9, 0.55, 0.7))
            .Add("golden hour", "con 10, bri 10, hi 20, sh -10, sat 15, vib 15, temp 30, tint 10",
                "red.s 20, red.l 10, ora.s 30, ora.l 20, yel.s 40, yel.l 30, gre.s -20, cya.s -20", "faded_HighNoon 2, warm_GoldenHour 2")
            .Add("magic hour", "bri 10, hi 15, sat 15, vib 20, temp 25, tint 10, bloom 10", "", "warm_GoldenHour 2")
            .Add("sunrise", "exp 5, hi 15, sat 10, temp 20, tint 15, bloom 10", "red.s 15, ora.s 25, yel.s 20, blu.s 10", "warm_Sunset 1")
            .Add("sunset", "hi 10, sh -10, sat 20, temp 35, tint 15", "red.s 30, ora.s 35, yel.s 20, blu.s -10", "warm_Sunset 2")
            .Add("dawn", "exp -5, con -10, sat -5, temp -10, tint 10, lin 5", "", "soft_Haze 1")
            .Add("dusk", "exp -15, con 5, sh -10, sat -5, temp -15, tint 15")
            .Add("blue hour", "exp -10, sat 10, temp -35, tint 10, sh -5", "blu.s 35, blu.l -10, cya.s 25, ora.s 10", "cool_Moonlight 1")
            .Add("twilight", "exp -15, sat 5, temp -25, tint 20, sh -10", "blu.s 25, cya.s 10, red.s 10")
            .Add("high noon", "exp 10, con 20, bri 15, hi -10, sat 5, struct 10", "", "faded_HighNoon 3")
            .Add("midday", "exp 10, con 15, bri 10, hi -15, sharp 5")
            .Add("morning", "exp 5, bri 10, con -5, temp 5, sat 5")
            .Add("early morning", "exp -5, con -10, sat -10, temp -10, lin 10", "", "soft_Haze 1")
            .Add("late afternoon", "hi 10, sat 10, temp 20, vib 10")
            .Add("afternoon", "bri 5, sat 5, temp 10, con 5")
            .Add("evening", "exp -10, sat 5, temp 15, sh -10")
            .Add("night", "exp -30, con 20, sh -25, sat -10, temp -20", "blu.s 20, blu.l -20, yel.l 10", "cool_Moonlight 1")
            .Add("midnight", "exp -35, con 25, sh -30, sat -15, temp -25, struct 10", "blu.s 25, blu.l -25", "cool_Moonlight 1")
            .Add("late night", "exp -30, con 15, sh -20, temp -15, tint 10, bloom 10");
}
