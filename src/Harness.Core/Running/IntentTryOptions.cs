namespace Harness.Running;

/// <summary>How <c>harness try</c> runs (<c>HarnessContext.Evaluation.TryIntentAsync</c>).</summary>
public sealed record IntentTryOptions
{
    /// <summary>Where the renders go; null for <c>reports/try/&lt;UTC yyyyMMdd-HHmmss&gt;</c> under the current directory.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>One photo to render on, at its own resolution; null for the config's sample photos (<see cref="TryPhotos"/>).</summary>
    public string? Image { get; init; }

    /// <summary>Receives the harness's and the backends' log lines (loading a model, a process starting); null drops them.</summary>
    public Action<string>? Log { get; init; }
}
