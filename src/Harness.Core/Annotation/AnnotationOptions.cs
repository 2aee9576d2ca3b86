namespace Harness.Annotation;

/// <summary>How an annotation study is drawn and rendered (<c>harness annotate</c>, <c>harness annotations</c>).</summary>
public sealed record AnnotationOptions
{
    /// <summary>How many intents (the paper rendered 15).</summary>
    public int Sample { get; init; } = 15;

    /// <summary>The seed of the sample, the photos and the blind order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The labels to annotate; empty for every result of the run but the teacher's.</summary>
    public IReadOnlyList<string> Backends { get; init; } = [];

    /// <summary>The sample photos (PNG, JPEG, WebP).</summary>
    public string Images { get; init; } = Path.Combine("datasets", "images");

    /// <summary>The filters' <c>.cube</c> LUTs.</summary>
    public string Luts { get; init; } = Path.Combine("datasets", "tonal-color", "luts");

    /// <summary>The run's dataset when run.json's path no longer holds it; null to use run.json's.</summary>
    public string? Dataset { get; init; }
}
