namespace Harness.Backends;

/// <summary>How a backend describes itself in run records and reports.</summary>
/// <param name="Name">The plugin name, e.g. <c>Onnx</c>.</param>
/// <param name="Model">The model it serves (a folder or file name, or an API model id).</param>
/// <param name="ModelSha256">SHA-256 of the model file(s), hex; null where there is no local file.</param>
/// <param name="Device">Where it runs: <c>cpu</c>, <c>cuda</c>, <c>remote</c>, ...</param>
/// <param name="SupportsBatching">Whether <see cref="IBackend.GenerateAsync"/> gains from batches larger than one.</param>
public sealed record BackendInfo(string Name, string Model, string? ModelSha256, string Device, bool SupportsBatching);
