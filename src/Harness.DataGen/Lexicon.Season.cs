namespace Harness.DataGen;

internal static partial class Lexicon
{
    private static ConceptFamily Seasons() =>
        new ConceptFamily(ConceptKind.Season, WordForm.Noun, new ToolPropensity(0.85, 0.7, 0.45))
            .Add("summer", "exp 10, bri 10, sat 20, vib 20, temp 15", "yel.s 20, gre.s 15, blu.s 20", "vivid_Tropical 1")
            .Add("late summer", "sat 10, vib 10, temp 25, hi 10", "ora.s 20, yel.s 25, gre.s -10", "warm_GoldenHour 1")
            .Add("winter", "bri 10, sat -20, temp -30, con 5", "blu.s 15, cya.s 10, ora.s -15, gre.s -20", "cool_Arctic 1")
            .Add("autumn", "sat 15, temp 25, con 10", "red.s 30, ora.s 40, yel.s 25, gre.s -30, gre.l -10", "warm_Amber 1")
            .Add("fall", "sat 15, temp 25, con 10", "red.s 30, ora.s 35, yel.s 30, gre.s -30", "warm_Amber 1")
            .Add("spring", "bri 10, sat 15, vib 20, tint -5", "gre.s 30, gre.l 10, yel.s 15, red.s 10", "faded_Pastel 1")
            .Add("early spring", "bri 5, sat 5, vib 10, temp -5", "gre.s 20, yel.s 10")
            .Add("midsummer", "exp 10, sat 25, vib 15, temp 20, bloom 10", "yel.s 25, ora.s 15")
            .Add("deep winter", "exp -10, sat -30, temp -40, con 10", "blu.s 20, blu.l -10, ora.s -20", "cool_Arctic 2")
            .Add("indian summer", "temp 30, sat 10, hi 10, lin 5", "ora.s 25, yel.s 20")
            .Add("harvest season", "temp 25, sat 10, con 5", "ora.s 30, yel.s 35, gre.s -20", "warm_Amber 1")
            .Add("christmas", "temp 20, sat 15, bloom 20, con 5", "red.s 35, gre.s 25, ora.s 10", "warm_Candle 1")
            .Add("halloween", "exp -15, con 20, sat 10, tint -10", "ora.s 40, ora.l 10, gre.s 15, blu.s -20")
            .Add("monsoon", "exp -10, sat -10, tint -10, temp -10, con 10", "gre.s 25, cya.s 15");
}
