using Harness.Backends;
using Harness.Plugins.Shared;
using Harness.Tools;

namespace Harness.Plugins.Replay;

/// <summary>Answers each request with the recorded output of its intent id and tool.</summary>
internal sealed class ReplayBackend : IBackend
{
    private readonly Dictionary<string, Dictionary<ToolName, string>> _outputs;
    private readonly string _path;

    private ReplayBackend(string path, Dictionary<string, Dictionary<ToolName, string>> outputs, string sha256)
    {
        _path = path;
        _outputs = outputs;
        Info = new BackendInfo("Replay", Path.GetFileName(path), sha256, "cpu", SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    /// <summary>Reads <paramref name="path"/>: a dataset's <c>teacher</c> column, or a predictions file's <c>outputs</c>.</summary>
    public static ReplayBackend Load(string path, bool fromDataset)
    {
        var field = fromDataset ? "teacher" : "outputs";
        var outputs = new Dictionary<string, Dictionary<ToolName, string>>(StringComparer.Ordinal);
        foreach (var (line, row) in JsonLines.Read(path))
        {
            var id = JsonLines.String(row, "id", path, line);
            if (!row.TryGetProperty(field, out var recorded))
                throw new BackendException($"{path}:{line}: field '{field}' is missing{(fromDataset ? "" : " (is this a dataset? use the 'dataset' option)")}.");
            if (!outputs.TryAdd(id, JsonLines.Outputs(recorded, field, path, line)))
                throw new BackendException($"{path}:{line}: id '{id}' appears twice.");
        }
        return new ReplayBackend(path, outputs, FileHash.Sha256(path));
    }

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ToolResponse> responses = [.. requests.Select(r =>
            _outputs.TryGetValue(r.IntentId, out var tools)
                ? new ToolResponse(tools[r.Tool], 0, 0)
                : ToolResponse.Failed($"no recorded output for id '{r.IntentId}' in {Path.GetFileName(_path)}"))];
        return Task.FromResult(responses);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
