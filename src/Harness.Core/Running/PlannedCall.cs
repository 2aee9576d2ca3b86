using Harness.Backends;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.Running;

/// <summary>One (intent, tool) call a scenario still has to make.</summary>
internal sealed record PlannedCall(DatasetRow Row, ToolName Tool, bool Warmup)
{
    /// <summary>The request, with <paramref name="template"/>'s <c>{tool}</c> and <c>{intent}</c> filled in.</summary>
    public ToolRequest ToRequest(string template) => Request(Row.Id, Row.Intent, Tool, template);

    /// <summary>The request for <paramref name="intent"/> and <paramref name="tool"/>, with the template filled in.</summary>
    public static ToolRequest Request(string id, string intent, ToolName tool, string template) =>
        new(id, intent, tool, template.Replace("{tool}", tool.WireName(), StringComparison.Ordinal)
            .Replace("{intent}", intent, StringComparison.Ordinal));
}
