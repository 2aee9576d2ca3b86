namespace Harness.DataGen;

internal static partial class Lexicon
{
    private static ConceptFamily Light() =>
        new ConceptFamily(ConceptKind.Light, WordForm.Noun, new ToolPropensity(0.9, 0.5, 0.5))
            .Add("candlelight", "exp -15, temp 45, bloom 25, sh -10", "ora.s 30, yel.s 20, ora.l 10", "warm_Candle 4")
            .Add("firelight", "exp -10, temp 40, tint 10, bloom 20, con 10", "red.s 20, ora.s 35", "warm_Candle 3")
            .Add("neon lights", "con 25, sat 35, tint 20, bloom 25", "red.s 30, blu.s 35, cya.s 30", "vivid_Neon 4, cine_NeonNoir 2")
            .Add("street lights", "exp -20, temp 25, con 15, bloom 15", "ora.s 30, yel.s 15, blu.s -15", "cinestill_800T 2")
            .Add("moonlight", "exp -25, temp -35, sat -20, con 10", "blu.s 25, blu.l 10, ora.s -20", "cool_Moonlight 4")
            .Add("starlight", "exp -30, temp -25, con 15, bloom 10", "blu.s 20, blu.l -10", "cool_Moonlight 2")
            .Add("fluorescent light", "tint -25, sat -15, con 5, temp -10", "gre.s 20, yel.s -10", "cine_Matrix 2")
            .Add("studio light", "exp 10, con 15, hi -10, sharp 10, sat 5")
            .Add("window light", "exp 5, con -5, sh 15, hi -10, temp 5", "ora.l 10")
            .Add("backlight", "hi 20, sh 15, bloom 25, con -10", "", "soft_Dream 1")
            .Add("harsh sunlight", "exp 15, con 30, hi 20, sh -15", "", "faded_HighNoon 2")
            .Add("soft light", "con -20, hi -15, sh 15, bloom 10", "", "soft_Haze 1")
            .Add("campfire", "exp -15, temp 45, tint 10, bloom 20", "red.s 25, ora.s 35, yel.s 15", "warm_Candle 3")
            .Add("fairy lights", "bloom 35, temp 20, sat 10, exp -10", "yel.s 20, ora.s 15", "soft_Dream 2")
            .Add("underwater", "temp -30, tint -15, sat -10, con -10", "cya.s 40, blu.s 30, red.s -40, ora.s -20", "cool_Ocean 4")
            .Add("cherry blossoms", "bri 10, con -10, tint 15, sat 5", "red.s 25, red.l 20, gre.s -10", "faded_Pastel 2")
            .Add("autumn leaves", "temp 25, sat 20, con 10", "red.s 30, ora.s 40, yel.s 30, gre.s -35", "warm_Amber 2")
            .Add("fresh snow", "exp 20, bri 15, hi -10, sat -10, temp -15", "blu.l 15, cya.l 10", "cool_Arctic 2")
            .Add("stage lights", "con 30, sat 25, bloom 20, sh -25", "red.s 20, blu.s 25", "vivid_Neon 2")
            .Add("lightning", "exp -15, con 40, hi 25, temp -20, struct 20", "blu.s 20", "moody_Storm 2");
}
