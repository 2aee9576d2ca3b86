namespace Harness.DataGen;

internal static partial class Lexicon
{
    // Plain edit requests: almost always adjust alone.
    private static ConceptFamily Technical() =>
        new ConceptFamily(ConceptKind.Technical, WordForm.Change, new ToolPropensity(0.99, 0.05, 0.08))
            .Add("brighter", "exp 20, bri 25, sh 10")
            .Add("darker", "exp -20, bri -25, sh -10")
            .Add("more contrast", "con 35, struct 10")
            .Add("less contrast", "con -35, sh 10")
            .Add("sharper", "sharp 40, struct 20")
            .Add("softer", "sharp -25, con -15, bloom 15")
            .Add("crisp", "sharp 30, con 15, struct 15, hi -10", "", "", WordForm.Adjective)
            .Add("punchy", "con 30, sat 20, vib 15, struct 10", "", "", WordForm.Adjective)
            .Add("flat", "con -40, sh 20, hi -20, sat -10", "", "fuji_Eterna 1", WordForm.Adjective)
            .Add("matte", "con -20, sh 20, lin 30", "", "faded_Matte 2", WordForm.Adjective, new ToolPropensity(0.95, 0.05, 0.6))
            .Add("glowy", "bloom 40, hi 15, bri 10", "", "soft_Dream 1", WordForm.Adjective)
            .Add("hdr", "hi -40, sh 40, struct 40, sat 15, con 10", "", "", WordForm.Noun)
            .Add("high key", "exp 25, bri 20, sh 30, con -20", "", "", WordForm.Adjective)
            .Add("low key", "exp -25, bri -15, sh -30, con 30", "", "", WordForm.Adjective)
            .Add("lift the shadows", "sh 40, con -10", "", "", WordForm.Command)
            .Add("crush the blacks", "sh -40, con 20, lin -10", "", "", WordForm.Command)
            .Add("recover the highlights", "hi -45, exp -5", "", "", WordForm.Command)
            .Add("brighter highlights", "hi 35, con 10")
            .Add("more detail", "struct 35, sharp 25")
            .Add("less detail", "struct -30, sharp -15")
            .Add("clean", "con 10, sat 5, sharp 10, hi -10", "", "", WordForm.Adjective)
            .Add("natural", "con 5, vib 10", "", "", WordForm.Adjective)
            .Add("overexposed", "exp 40, hi 30, con -15", "", "", WordForm.Adjective)
            .Add("underexposed", "exp -40, sh -20, con 10", "", "", WordForm.Adjective)
            .Add("more glow", "bloom 45, hi 10")
            .Add("brighten the faces", "exp 10, sh 25", "ora.l 25, red.l 10", "", WordForm.Command, new ToolPropensity(0.9, 0.8, 0.05))
            .Add("more pop", "con 20, vib 30, struct 15")
            .Add("less harsh", "con -20, hi -20, sh 15, sharp -10")
            .Add("more depth", "con 20, struct 20, sh -15, lin -10")
            .Add("exposure up a stop", "exp 35", "", "", WordForm.Command)
            .Add("tone it down", "con -15, sat -20, vib -10", "", "", WordForm.Command);
}
