using System.Collections.Immutable;

namespace Harness.Datasets.Generation;

/// <summary>
/// What the synthetic teacher would answer for an intent if it used every tool, and how
/// strongly the intent calls for each tool. Which tools it actually uses is decided over a
/// whole split (<see cref="UsageAllocator"/>) so the used counts come out exact.
/// </summary>
internal sealed record TeacherDraft(
    ImmutableArray<double> Propensity,
    ImmutableArray<int> Adjust,
    ImmutableArray<int> Selective,
    string FilterName,
    int FilterIntensity);
