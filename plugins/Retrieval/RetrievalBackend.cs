using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.Shared;
using Harness.Tools;

namespace Harness.Plugins.Retrieval;

/// <summary>
/// Answers each request with the teacher output, for the requested tool, of the most
/// similar train intent. Ties (including a query sharing no word with any train
/// intent) go to the intent with more repeats, then to the earlier line, so answers
/// are deterministic.
/// </summary>
internal sealed class RetrievalBackend : IBackend
{
    private readonly TfIdfIndex _index;
    private readonly List<TrainRow> _rows;

    private sealed record TrainRow(string Id, int Repeats, Dictionary<ToolName, string> Teacher);

    private RetrievalBackend(string path, List<TrainRow> rows, TfIdfIndex index, string sha256)
    {
        _rows = rows;
        _index = index;
        Info = new BackendInfo("Retrieval", $"tfidf-1-2gram-nn:{Path.GetFileName(path)}", sha256, "cpu", SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    public static RetrievalBackend Load(string path)
    {
        var rows = new List<TrainRow>();
        var intents = new List<string>();
        foreach (var (line, row) in JsonLines.Read(path))
        {
            var id = JsonLines.String(row, "id", path, line);
            intents.Add(JsonLines.String(row, "intent", path, line));
            var repeats = row.TryGetProperty("repeats", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) ? n : 1;
            if (!row.TryGetProperty("teacher", out var teacher))
                throw new BackendException($"{path}:{line}: field 'teacher' is missing; 'train' must be a dataset split.");
            rows.Add(new TrainRow(id, repeats, JsonLines.Outputs(teacher, "teacher", path, line)));
        }
        if (rows.Count == 0) throw new BackendException($"{path}: the train split is empty.");
        return new RetrievalBackend(path, rows, new TfIdfIndex(intents), FileHash.Sha256(path));
    }

    /// <summary>The index of the nearest train row to <paramref name="intent"/>.</summary>
    public int Nearest(string intent)
    {
        var best = -1;
        var bestScore = 0.0;
        foreach (var (doc, score) in _index.Similarities(intent))
        {
            if (best < 0 || score > bestScore + 1e-12 || (Math.Abs(score - bestScore) <= 1e-12 && Prefer(doc, best)))
            {
                best = doc;
                bestScore = score;
            }
        }
        return best >= 0 ? best : Fallback();
    }

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var nearest = new Dictionary<string, int>(StringComparer.Ordinal);
        var responses = new List<ToolResponse>(requests.Count);
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!nearest.TryGetValue(request.Intent, out var row)) nearest[request.Intent] = row = Nearest(request.Intent);
            responses.Add(new ToolResponse(_rows[row].Teacher[request.Tool], 0, 0));
        }
        return Task.FromResult<IReadOnlyList<ToolResponse>>(responses);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private bool Prefer(int candidate, int current) =>
        _rows[candidate].Repeats > _rows[current].Repeats
        || (_rows[candidate].Repeats == _rows[current].Repeats && candidate < current);

    // No shared word: the most often requested intent (then the earliest).
    private int Fallback()
    {
        var best = 0;
        for (var i = 1; i < _rows.Count; i++)
            if (Prefer(i, best)) best = i;
        return best;
    }
}
