using Harness.Backends;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.Running;

/// <summary>One (intent, tool) call a scenario still has to make.</summary>
internal sealed record PlannedCall(DatasetRow Row, ToolName Tool, bool Warmup)
{
    /// <summary>The request, with <paramref name="template"/>'s <c>{tool}</c> and <c>{intent}</c> filled in.</summary>
    public ToolRequest ToRequest(string template) =>
        new(Row.Id, Row.Intent, Tool, template.Replace("{tool}", Tool.WireName(), StringComparison.Ordinal)
            .Replace("{intent}", Row.Intent, StringComparison.Ordinal));
}
