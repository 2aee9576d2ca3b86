using Harness.Tools;

namespace Harness.Backends;

/// <summary>One student call: answer for <paramref name="Tool"/> given the user's intent.</summary>
/// <param name="IntentId">The dataset row id, e.g. <c>test-00001</c>.</param>
/// <param name="Intent">The user's words.</param>
/// <param name="Tool">The tool the model is asked to answer for.</param>
/// <param name="Prompt">The prompt rendered from the model configuration's template.</param>
public sealed record ToolRequest(string IntentId, string Intent, ToolName Tool, string Prompt);
