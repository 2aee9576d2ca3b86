namespace Harness.DataGen;

internal static partial class Lexicon
{
    // Colour words call for per-colour work: the strongest link to selective_adjust.
    private static ConceptFamily Colours() =>
        new ConceptFamily(ConceptKind.Colour, WordForm.Adjective, new ToolPropensity(0.8, 0.95, 0.3))
            .Add("warmer", "temp 30, tint 5", "red.s 10, ora.s 20, yel.s 15, blu.s -15", "", WordForm.Change)
            .Add("cooler", "temp -30", "cya.s 15, blu.s 20, ora.s -15", "", WordForm.Change)
            .Add("more saturated", "sat 35, vib 15", "red.s 20, ora.s 20, yel.s 20, gre.s 20, cya.s 20, blu.s 20", "", WordForm.Change)
            .Add("less saturated", "sat -35, vib -10", "red.s -20, ora.s -20, yel.s -20, gre.s -20, cya.s -20, blu.s -20", "", WordForm.Change)
            .Add("more vibrant", "vib 40, sat 10", "red.s 15, ora.s 10, gre.s 15, blu.s 15", "", WordForm.Change)
            .Add("teal", "temp -10, tint -10", "cya.s 45, blu.s 20, gre.s 10, cya.l -10", "cine_TealOrange 1")
            .Add("amber", "temp 35, sat 10", "ora.s 40, yel.s 30, ora.l 10", "warm_Amber 2")
            .Add("golden", "temp 30, hi 10, sat 10", "yel.s 40, ora.s 25, yel.l 15", "warm_GoldenHour 1")
            .Add("pastel", "bri 15, con -20, sat -20", "red.l 20, ora.l 20, yel.l 20, gre.l 20, cya.l 20, blu.l 20", "faded_Pastel 2")
            .Add("muted", "sat -30, con -10", "red.s -20, ora.s -15, gre.s -25, blu.s -25", "faded_Matte 1")
            .Add("vibrant", "sat 30, vib 30, con 10", "red.s 20, ora.s 15, yel.s 15, gre.s 20, blu.s 20", "vivid_Pop 1")
            .Add("desaturated", "sat -50, vib -20", "red.s -30, ora.s -30, yel.s -30, gre.s -30, cya.s -30, blu.s -30")
            .Add("black and white", "sat -100, con 20", "", "mono_Classic 4", WordForm.Noun, new ToolPropensity(0.9, 0.2, 0.9))
            .Add("monochrome", "sat -100, con 10", "", "mono_Classic 4", WordForm.Adjective, new ToolPropensity(0.9, 0.2, 0.9))
            .Add("sepia", "sat -80, temp 40, con -10", "", "mono_Sepia 5", WordForm.Adjective, new ToolPropensity(0.8, 0.2, 0.95))
            .Add("pink", "tint 25, bri 5", "red.s 30, red.l 15, ora.l 10", "faded_Pastel 1")
            .Add("purple", "tint 30, temp -15", "blu.s 30, red.s 15, blu.l -10", "retro_80s 1")
            .Add("magenta", "tint 40, hue 10", "red.s 35, blu.s 20")
            .Add("greenish", "tint -30, hue -10", "gre.s 35, yel.s 10, gre.l 5", "cine_Matrix 1")
            .Add("cyan", "temp -15, tint -10", "cya.s 50, cya.l 10")
            .Add("blue-toned", "temp -25", "blu.s 40, cya.s 20, blu.l -10", "cool_Ocean 1")
            .Add("orange", "temp 25", "ora.s 50, ora.l 10, red.s 10", "cine_TealOrange 1")
            .Add("crimson", "con 10, tint 10", "red.s 50, red.l -10, ora.s 10")
            .Add("earthy", "temp 15, sat -15, con 5", "ora.s 20, yel.s 10, gre.s -20, blu.s -30, ora.l -10")
            .Add("neon", "sat 40, con 25, tint 20, bloom 25", "red.s 30, blu.s 35, cya.s 35", "vivid_Neon 4")
            .Add("washed out", "con -35, sat -35, lin 25", "", "faded_Dusty 2, faded_Matte 2")
            .Add("faded", "con -25, sat -25, lin 25, bri 5", "", "faded_Matte 3, faded_Dusty 2")
            .Add("rich", "sat 20, con 20, sh -10, vib 10", "red.s 20, ora.s 10, gre.s 15, blu.s 20, red.l -10, blu.l -10")
            .Add("deep reds", "con 10", "red.s 50, red.l -20, ora.s 10", "", WordForm.Noun, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("lush greens", "vib 10", "gre.s 50, gre.l 10, yel.s 15", "", WordForm.Noun, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("icy blues", "temp -20", "blu.s 45, cya.s 30, blu.l 10", "cool_Arctic 1", WordForm.Noun, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("warm skin tones", "temp 10", "ora.s 15, ora.l 20, red.s 5, red.l 10", "", WordForm.Noun, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("bluer skies", "", "blu.s 40, blu.l -15, cya.s 15", "", WordForm.Change, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("greener foliage", "", "gre.s 40, yel.s 20, gre.l 5", "", WordForm.Change, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("less orange", "temp -10", "ora.s -40, ora.l -5, red.s -10", "", WordForm.Change, new ToolPropensity(0.35, 0.99, 0.15))
            .Add("less green", "tint 10", "gre.s -45, yel.s -10", "", WordForm.Change, new ToolPropensity(0.35, 0.99, 0.15));
}
