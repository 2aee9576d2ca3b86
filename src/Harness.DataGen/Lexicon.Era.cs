namespace Harness.DataGen;

internal static partial class Lexicon
{
    private static ConceptFamily Eras() =>
        new ConceptFamily(ConceptKind.Era, WordForm.Noun, new ToolPropensity(0.65, 0.2, 0.95))
            .Add("the 70s", "temp 30, sat -15, con -10, lin 15, tint 5", "ora.s 20, yel.s 15, blu.s -20", "retro_70s 5")
            .Add("the 80s", "tint 20, sat 20, con 10, bloom 10", "red.s 15, blu.s 20", "retro_80s 5")
            .Add("the 90s", "con 10, sat 10, temp 10, sharp -10", "", "kodak_Gold200 2, retro_VHS 2")
            .Add("the 60s", "temp 20, sat 10, con -10, lin 10", "", "kodak_Ektachrome 2, retro_70s 1")
            .Add("the 1950s", "sat 15, con 10, temp 10, tint 5", "red.s 20, cya.s 15", "kodak_Ektachrome 2")
            .Add("the 1920s", "sat -80, temp 35, con -10, lin 15", "", "mono_Sepia 5")
            .Add("victorian era", "sat -60, temp 30, con -15", "", "mono_Sepia 4")
            .Add("y2k", "sat 20, tint 10, con 15, sharp 10, bloom 10", "blu.s 20, cya.s 15", "retro_80s 2, vivid_Neon 2")
            .Add("vhs", "sat -20, sharp -30, con -15, tint 10, lin 10", "", "retro_VHS 6")
            .Add("old hollywood", "sat -100, con 30, bloom 15, hi 10", "", "mono_Classic 3, cine_Noir 2")
            .Add("silent film", "sat -100, con 20, lin 15, sharp -15", "", "mono_Classic 4")
            .Add("technicolor", "sat 40, con 20, vib 15", "red.s 30, blu.s 25, gre.s 20", "vivid_Pop 3")
            .Add("old photograph", "sat -70, temp 30, con -15, lin 20", "", "mono_Sepia 4")
            .Add("retro", "temp 20, sat -10, con -10, lin 15", "", "retro_70s 3, polaroid_SX70 1", WordForm.Adjective)
            .Add("vintage", "temp 20, sat -15, con -15, lin 20", "", "retro_70s 2, faded_Dusty 2, polaroid_SX70 1", WordForm.Adjective)
            .Add("antique", "sat -50, temp 30, con -10, lin 15", "", "mono_Sepia 3", WordForm.Adjective)
            .Add("timeless", "sat -30, con 10, temp 5", "", "mono_Classic 2", WordForm.Adjective)
            .Add("film noir", "sat -100, con 45, sh -30, hi 15", "", "cine_Noir 6")
            .Add("wartime newsreel", "sat -100, con 25, sharp -10, struct 15", "", "mono_Classic 3, ilford_HP5 2");
}
