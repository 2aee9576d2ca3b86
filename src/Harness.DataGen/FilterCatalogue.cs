using System.Collections.Immutable;

namespace Harness.DataGen;

/// <summary>
/// The synthetic filter (LUT) catalogue. Each filter carries a look signature over the adjust
/// parameters; a concept without an explicit preference leans towards the filters whose look
/// resembles its own (cosine of the signatures).
/// </summary>
internal static class FilterCatalogue
{
    /// <summary>Catalogue entries in the order filters.txt lists them.</summary>
    public static ImmutableArray<FilterLook> All { get; } =
    [
        new("faded_HighNoon", "bri 20, hi 30, con -20, sat -15, temp 10"),
        new("faded_Dusty", "con -25, sat -25, temp 15, lin 20"),
        new("faded_Matte", "con -30, sh 25, lin 30, sat -10"),
        new("faded_Pastel", "bri 20, con -20, sat -20, vib 15, lin 15"),
        new("kodak_Portra400", "temp 15, sat -5, vib 10, con -5, sh 10"),
        new("kodak_Ektar100", "sat 30, vib 20, con 15, sharp 10"),
        new("kodak_Gold200", "temp 25, sat 15, hi 10, tint 5"),
        new("kodak_Ektachrome", "sat 20, con 20, temp -10, vib 10"),
        new("kodak_TriX400", "sat -100, con 30, struct 20, sharp 10"),
        new("fuji_Velvia50", "sat 40, vib 30, con 20, tint -10"),
        new("fuji_Superia400", "tint -15, sat 10, con 5, temp -5"),
        new("fuji_Provia100", "sat 10, con 10, sharp 10"),
        new("fuji_Eterna", "con -20, sat -20, sh 15, temp -5"),
        new("ilford_HP5", "sat -100, con 15, struct 15"),
        new("ilford_Delta3200", "sat -100, con 35, struct 30, sh -20"),
        new("cinestill_800T", "temp -25, bloom 30, tint 10, con 10"),
        new("polaroid_SX70", "temp 20, con -20, sat -10, lin 25, hi -10"),
        new("polaroid_600", "temp 10, con -10, tint 10, lin 15, bri 10"),
        new("cine_TealOrange", "con 20, temp 10, tint -10, sat 10, sh -10"),
        new("cine_Bleach", "sat -40, con 35, struct 20"),
        new("cine_Noir", "sat -100, con 50, sh -30, hi 20"),
        new("cine_Blockbuster", "con 30, sat 15, struct 15, sharp 10, sh -15"),
        new("cine_Western", "temp 35, sat -10, con 15, struct 10"),
        new("cine_Matrix", "tint -40, sat -20, con 20, temp -10"),
        new("cine_NeonNoir", "tint 25, temp -20, con 30, bloom 20, sh -20"),
        new("warm_GoldenHour", "temp 35, hi 15, sat 15, bloom 10"),
        new("warm_Sunset", "temp 40, tint 15, sat 20, exp -5"),
        new("warm_Amber", "temp 45, sat 10, hue 5"),
        new("warm_Candle", "temp 50, exp -15, bloom 20, sh -10"),
        new("cool_Arctic", "temp -40, bri 15, sat -15"),
        new("cool_Moonlight", "temp -35, exp -25, sat -20, tint 5"),
        new("cool_Steel", "temp -20, sat -30, con 20, struct 15"),
        new("cool_Ocean", "temp -25, tint -10, sat 15, vib 10"),
        new("mono_Classic", "sat -100, con 10"),
        new("mono_Sepia", "sat -80, temp 40, con -10"),
        new("mono_Selenium", "sat -90, temp -15, con 20"),
        new("vivid_Pop", "sat 40, vib 30, con 15"),
        new("vivid_Tropical", "sat 35, temp 15, tint -15, vib 25"),
        new("vivid_Neon", "sat 45, tint 25, con 25, bloom 15"),
        new("soft_Dream", "bloom 40, con -20, hi 15, bri 10"),
        new("soft_Haze", "con -30, lin 20, bloom 20, bri 15"),
        new("retro_70s", "temp 30, sat -15, con -10, lin 15, tint 5"),
        new("retro_80s", "tint 20, sat 20, con 10, bloom 10"),
        new("retro_VHS", "sat -20, sharp -30, con -15, tint 10, lin 10"),
        new("retro_Lomo", "sat 30, con 30, exp -5, sh -20"),
        new("moody_Forest", "tint -20, sat -20, exp -15, con 15"),
        new("moody_Storm", "temp -15, sat -30, exp -20, con 25, struct 20"),
    ];

    /// <summary>The catalogue names, in file order.</summary>
    public static ImmutableArray<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>filters.txt: a comment header, then one name per line.</summary>
    public static string ToText() =>
        "# Filter (LUT) catalogue of the synthetic tonal-colour dataset, one name per line.\n"
        + "# Written by `harness datagen`; a teacher or student filter name must be one of these.\n"
        + string.Concat(Names.Select(n => n + "\n"));
}

/// <summary>A catalogue filter and its look signature over the adjust parameters.</summary>
internal sealed record FilterLook(string Name, ImmutableArray<double> Signature)
{
    public FilterLook(string name, string signature) : this(name, ParameterSpec.Adjust(signature)) { }
}
