namespace Harness.DataGen;

internal static partial class Lexicon
{
    // Named looks from film, music and the web: mostly a filter, often with colour work.
    private static ConceptFamily Cinema() =>
        new ConceptFamily(ConceptKind.Cinema, WordForm.Noun, new ToolPropensity(0.7, 0.45, 0.9))
            .Add("teal and orange", "con 20, temp 10, tint -10, sat 10", "ora.s 35, ora.l 10, cya.s 40, blu.s 20, gre.s -20", "cine_TealOrange 6")
            .Add("blockbuster", "con 30, sat 15, struct 15, sh -15", "ora.s 20, cya.s 25", "cine_Blockbuster 5, cine_TealOrange 2")
            .Add("spaghetti western", "temp 35, sat -10, con 20, struct 15", "ora.s 25, yel.s 15, blu.s -25", "cine_Western 6")
            .Add("western", "temp 30, sat -10, con 15", "ora.s 20, yel.s 10, blu.s -20", "cine_Western 5")
            .Add("sci-fi", "temp -20, con 20, tint -10, struct 15", "cya.s 30, blu.s 20, ora.s -15", "cool_Steel 2, cine_Matrix 1")
            .Add("horror movie", "exp -25, sat -35, con 30, tint -15", "gre.s 15, red.s 20", "moody_Storm 2, cine_Bleach 1")
            .Add("wes anderson", "bri 10, con -10, sat 10, temp 15", "red.s 20, yel.s 25, red.l 10, yel.l 15, cya.l 10", "faded_Pastel 5")
            .Add("the matrix", "tint -40, sat -20, con 20, hue -10", "gre.s 40, gre.l 10, blu.s -20", "cine_Matrix 6")
            .Add("blade runner", "con 25, tint 15, temp -10, bloom 20, sh -20", "ora.s 30, cya.s 30, blu.s 20", "cine_NeonNoir 5")
            .Add("cyberpunk", "con 30, sat 25, tint 30, bloom 20, sh -20, hue 10", "red.s 25, blu.s 40, cya.s 35", "cine_NeonNoir 4, vivid_Neon 3")
            .Add("vaporwave", "tint 35, sat 20, con -10, bloom 15, hue 10", "red.s 25, blu.s 30, cya.s 30, red.l 10", "retro_80s 4, vivid_Neon 1")
            .Add("synthwave", "tint 30, sat 30, con 20, bloom 20", "red.s 30, blu.s 35, ora.s 15", "retro_80s 5")
            .Add("documentary", "con 5, sat -10, sharp 10", "", "fuji_Provia100 2", null, new ToolPropensity(0.9, 0.15, 0.5))
            .Add("music video", "con 25, sat 25, bloom 15, tint 10", "blu.s 20, red.s 20", "vivid_Neon 2, retro_Lomo 1")
            .Add("fashion editorial", "con 15, sat -10, struct 10, hi 10, sharp 10", "red.s 15, ora.l 15", "cine_Bleach 2, faded_Matte 1")
            .Add("wedding film", "bri 10, con -15, sat -5, temp 10, bloom 20", "ora.l 15, red.l 10, gre.s -15", "soft_Dream 3, kodak_Portra400 2")
            .Add("travel vlog", "sat 20, vib 25, con 10, temp 10", "cya.s 20, blu.s 20, gre.s 15", "vivid_Tropical 3")
            .Add("anime", "sat 30, vib 20, bri 10, con 10", "blu.s 30, gre.s 20, red.s 15, blu.l 10", "vivid_Pop 3")
            .Add("studio ghibli", "sat 20, vib 20, temp 10, con -5", "gre.s 30, blu.s 25, yel.s 15, gre.l 10", "faded_Pastel 2, vivid_Tropical 1")
            .Add("instagram", "con 10, sat 10, temp 10, lin 10", "", "faded_HighNoon 2, retro_Lomo 1")
            .Add("bleach bypass", "sat -40, con 35, struct 20", "", "cine_Bleach 6")
            .Add("noir thriller", "sat -60, con 40, sh -30, tint -10", "", "cine_Noir 4, cine_Bleach 1")
            .Add("indie film", "con -10, sat -15, temp 10, lin 10", "", "fuji_Eterna 3, kodak_Portra400 1")
            .Add("arthouse", "con -15, sat -25, lin 15", "", "fuji_Eterna 3, faded_Matte 1")
            .Add("heist movie", "con 25, temp -10, sat -10, struct 15", "cya.s 20, ora.s 15", "cine_TealOrange 3")
            .Add("war movie", "sat -45, con 30, struct 25, temp -5", "gre.s -20, ora.s -15", "cine_Bleach 4")
            .Add("nature documentary", "sat 15, vib 20, sharp 15, struct 10", "gre.s 25, blu.s 15", "fuji_Velvia50 3")
            .Add("skate video", "con 20, sat 15, sharp -10, tint 5", "", "retro_VHS 3, retro_Lomo 2")
            .Add("cottagecore", "con -10, sat -5, temp 15, bloom 10", "gre.s 15, yel.s 15, red.l 10", "faded_Pastel 3", WordForm.Adjective)
            .Add("dark academia", "exp -15, sat -20, temp 20, con 10", "ora.s 15, gre.s -25, blu.s -25", "moody_Forest 2, warm_Amber 1", WordForm.Adjective);
}
