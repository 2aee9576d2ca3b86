namespace Harness.DataGen;

internal static partial class Lexicon
{
    // A named film stock nearly always means "use that LUT": the strongest concept-to-filter link.
    private static ConceptFamily FilmStocks() =>
        new ConceptFamily(ConceptKind.FilmStock, WordForm.Noun, new ToolPropensity(0.55, 0.15, 0.99))
            .Add("kodak portra 400", "temp 10, sat -5, vib 10, con -5, sh 10", "red.l 10, ora.l 15, ora.s 5", "kodak_Portra400 6")
            .Add("portra", "temp 10, sat -5, vib 10, con -5", "ora.l 10", "kodak_Portra400 6")
            .Add("kodak ektar", "sat 25, vib 15, con 15", "red.s 15, blu.s 15", "kodak_Ektar100 6")
            .Add("kodak gold", "temp 20, sat 10, hi 10", "yel.s 20, ora.s 15", "kodak_Gold200 6")
            .Add("ektachrome", "sat 15, con 15, temp -10", "blu.s 20, cya.s 15", "kodak_Ektachrome 6")
            .Add("kodachrome", "sat 20, con 20, temp 10, sh -10", "red.s 25, yel.s 15", "kodak_Ektachrome 3, kodak_Ektar100 2")
            .Add("tri-x", "sat -100, con 25, struct 20", "", "kodak_TriX400 6")
            .Add("fuji velvia", "sat 35, vib 25, con 15", "gre.s 25, blu.s 20", "fuji_Velvia50 6")
            .Add("velvia", "sat 35, vib 25, con 15", "gre.s 25, blu.s 20", "fuji_Velvia50 6")
            .Add("fuji superia", "tint -10, sat 10, temp -5", "gre.s 15", "fuji_Superia400 6")
            .Add("fuji provia", "sat 10, con 10, sharp 5", "", "fuji_Provia100 6")
            .Add("fuji eterna", "con -20, sat -20, sh 15", "", "fuji_Eterna 6")
            .Add("ilford hp5", "sat -100, con 15, struct 15", "", "ilford_HP5 6")
            .Add("ilford delta", "sat -100, con 30, struct 25, sh -15", "", "ilford_Delta3200 6")
            .Add("cinestill 800t", "temp -20, bloom 25, tint 10", "red.s 15, blu.s 15", "cinestill_800T 6")
            .Add("cinestill", "temp -20, bloom 25, tint 10", "red.s 15", "cinestill_800T 6")
            .Add("polaroid", "temp 15, con -15, sat -10, lin 20", "", "polaroid_SX70 4, polaroid_600 3")
            .Add("instax", "bri 10, con -10, tint 10, lin 10", "", "polaroid_600 5")
            .Add("lomography", "sat 30, con 30, sh -20", "", "retro_Lomo 6")
            .Add("expired film", "con -20, sat -15, tint 15, temp 15, lin 20", "", "faded_Dusty 3, retro_70s 2")
            .Add("35mm film", "con -5, sat -5, temp 5, sharp -10", "", "kodak_Portra400 3, kodak_Gold200 2")
            .Add("super 8", "temp 25, con -15, sat -10, sharp -20, lin 15", "", "retro_70s 4")
            .Add("16mm film", "con -10, sat -15, sharp -15, temp 10", "", "fuji_Eterna 3")
            .Add("disposable camera", "exp 10, con 15, sat 15, temp 10, tint 5", "", "kodak_Gold200 4")
            .Add("agfa vista", "sat 20, temp 10, tint 10, con 10", "red.s 20", "kodak_Gold200 2, retro_Lomo 2")
            .Add("slide film", "sat 25, con 25, sh -10", "", "fuji_Velvia50 3, kodak_Ektachrome 3")
            .Add("black and white film", "sat -100, con 20, struct 10", "", "ilford_HP5 3, kodak_TriX400 3")
            .Add("infrared film", "sat -60, hi 30, tint 20, hue 15", "gre.l 50, gre.s -40", "mono_Selenium 3");
}
