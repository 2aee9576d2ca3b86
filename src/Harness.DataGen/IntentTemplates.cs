using System.Collections.Immutable;

namespace Harness.DataGen;

/// <summary>
/// Phrasings of an intent. A slot <c>{pool}</c> takes a concept from a pool (<see cref="IntentComposer"/>);
/// <c>{pool*0.5}</c> scales that concept's effect; <c>{m}</c> puts a degree word ("slightly", "very")
/// before the next slot and scales it accordingly.
/// </summary>
internal static class IntentTemplates
{
    /// <summary>Templates by number of concepts (index 0 = one concept).</summary>
    public static ImmutableArray<ImmutableArray<string>> ByConceptCount { get; } =
    [
        [
            "{noun}", "{noun}", "{adj}", "{change}", "make it feel like {noun}", "make it {adj}",
            "make it {m} {adj}", "give it a {noun} look", "{noun} vibes", "{noun} style", "{m} {adj}",
            "{m} {change}", "{adj} look", "a {adj} feel", "{noun} look", "a hint of {noun*0.5}",
            "strong {noun*1.4}", "subtle {noun*0.6}", "shot on {stock}", "like it was shot on {stock}",
            "{m} {change} overall", "{change} please", "i want it {m} {adj}", "go for {noun}",
            "{time}", "{place} vibes", "make it look like {season}", "a {weather} day",
        ],
        [
            "{adj} {time}", "{weather} {place}", "{place} {time}", "{place} at {time}", "{noun}, {m} {adj}",
            "{noun} with a touch of {noun*0.5}", "{noun} meets {noun}", "{m} {change}, {noun}",
            "{m} {change}, {adj}", "{adj} and {adj}", "like {noun} but {m} {adj}", "{noun} but {m} {change}",
            "{adj} {noun} look", "{noun}, {change}", "{m} {adj}, {stock}", "{stock} but {m} {change}",
            "make it {adj} like {noun}", "{place} in {season}", "{time} in {place}", "{m} {adj}, {m} {change}",
            "{weather} {time}", "{stock} at {time}", "{m} {change} and {m} {change}", "{m} {adj} {season} look",
        ],
        [
            "make it feel like a {weather} {place} {time}", "{weather} {place} {time}", "{adj}, {adj}, {noun}",
            "{m} {change}, {adj}, {noun}", "{place} {time}, {m} {adj}", "{noun} meets {noun}, {m} {change}",
            "{m} {adj} {time} with a hint of {noun*0.6}", "{stock} look, {m} {change} and {m} {change}",
            "{adj} {place} in {season}", "{time} in {place}, {m} {adj}", "{m} {adj} and {m} {adj} like {noun}",
            "{season} {time}, {stock}", "a {weather} {season} {time}", "{noun} but {m} {change} and {m} {adj}",
        ],
    ];

    /// <summary>Degree words before an adjective, with how much they scale the concept.</summary>
    public static ImmutableArray<(string Text, double Scale)> AdjectiveDegrees { get; } =
    [
        ("slightly", 0.5), ("a bit", 0.6), ("a little", 0.6), ("somewhat", 0.75), ("very", 1.4),
        ("really", 1.4), ("super", 1.5), ("extremely", 1.7), ("", 1.0), ("", 1.0), ("", 1.0),
    ];

    /// <summary>Degree words before a comparative ("warmer", "more contrast").</summary>
    public static ImmutableArray<(string Text, double Scale)> ChangeDegrees { get; } =
    [
        ("slightly", 0.5), ("a bit", 0.6), ("a little", 0.6), ("a touch", 0.5), ("much", 1.5),
        ("a lot", 1.5), ("way", 1.7), ("", 1.0), ("", 1.0), ("", 1.0),
    ];
}
