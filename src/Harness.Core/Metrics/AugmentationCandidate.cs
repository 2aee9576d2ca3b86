using Harness.Tools;

namespace Harness.Metrics;

/// <summary>
/// A row the student got wrong in the paper's sense (spec §4), a candidate for data augmentation.
/// </summary>
/// <param name="Id">The dataset row id.</param>
/// <param name="Intent">The user's words.</param>
/// <param name="Tool">The tool it got wrong.</param>
/// <param name="Reason">Why, in words, e.g. <c>cosine 0.41 below the run's mean 0.77</c>.</param>
/// <param name="Cosine">The row's cosine (adjust, selective_adjust); null for filter.</param>
/// <param name="ExpectedJson">The teacher's setting as canonical JSON.</param>
/// <param name="ProducedJson">The student's setting as canonical JSON.</param>
public sealed record AugmentationCandidate(
    string Id,
    string Intent,
    ToolName Tool,
    string Reason,
    double? Cosine,
    string ExpectedJson,
    string ProducedJson);
