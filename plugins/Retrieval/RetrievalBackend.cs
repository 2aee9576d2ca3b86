using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.Shared;
using Harness.Tools;

namespace Harness.Plugins.Retrieval;

/// <summary>
/// Answers each request with the teacher output, for the requested tool, of the most
/// similar train intent. Ties (including a query sharing no word with any train
/// intent) go to the intent with more repeats, then to the earlier line, so answers
/// are deterministic. A call's not-used probability is a similarity-weighted vote of the
/// <c>k</c> most similar train intents: Σ sim · [teacher did not use the tool] / Σ sim; when
/// the query shares no word with any train intent, the share of all train rows that did not
/// use the tool. With <c>selection_thresholds</c> that vote decides: "not used" at or above the tool's
/// threshold, else the answer of the most similar of the k whose teacher used the tool (with none,
/// of the most requested train intent that used it). Its index holds every train row, validation.jsonl's
/// included, so thresholds calibrated on that split are optimistic.
/// </summary>
internal sealed class RetrievalBackend : IBackend
{
    private readonly TfIdfIndex _index;
    private readonly List<TrainRow> _rows;
    private readonly int _neighbours;
    private readonly Dictionary<ToolName, double> _notUsedShare;
    private readonly SelectionThresholds? _calibrated;

    private sealed record TrainRow(string Id, int Repeats, Dictionary<ToolName, string> Teacher)
    {
        public bool Used(ToolName tool) => Teacher[tool] != "null";
    }

    private RetrievalBackend(string path, List<TrainRow> rows, TfIdfIndex index, string sha256, int neighbours, SelectionThresholds? calibrated)
    {
        _calibrated = calibrated;
        _rows = rows;
        _index = index;
        _neighbours = neighbours;
        _notUsedShare = ToolSchema.All.ToDictionary(t => t, t => rows.Count(r => !r.Used(t)) / (double)rows.Count);
        Info = new BackendInfo("Retrieval", $"tfidf-1-2gram-nn:{Path.GetFileName(path)}", sha256, "cpu", SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    /// <summary>Indexes the train split at <paramref name="path"/>; <paramref name="neighbours"/> (k) intents vote on "not used".</summary>
    public static RetrievalBackend Load(string path, int neighbours = RetrievalBackendFactory.DefaultNeighbours, SelectionThresholds? calibrated = null)
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
        return new RetrievalBackend(path, rows, new TfIdfIndex(intents), FileHash.Sha256(path), neighbours, calibrated);
    }

    /// <summary>One intent's search: the nearest train row (the answer) and the k nearest with their similarities (the vote).</summary>
    private sealed record Search(int Nearest, List<KeyValuePair<int, double>> Neighbours);

    /// <summary>One pass over the index per intent, shared by the intent's three tool calls.</summary>
    private Search Find(string intent)
    {
        var similarities = _index.Similarities(intent);
        var neighbours = similarities.Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value).ThenByDescending(p => _rows[p.Key].Repeats).ThenBy(p => p.Key)
            .Take(_neighbours).ToList();
        return new Search(Nearest(similarities), neighbours);
    }

    /// <summary>The index of the nearest train row, given every train row's similarity to the intent.</summary>
    private int Nearest(Dictionary<int, double> similarities)
    {
        var best = -1;
        var bestScore = 0.0;
        foreach (var (doc, score) in similarities)
        {
            if (best < 0 || score > bestScore + 1e-12 || (Math.Abs(score - bestScore) <= 1e-12 && Prefer(doc, best)))
            {
                best = doc;
                bestScore = score;
            }
        }
        return best >= 0 ? best : Fallback();
    }

    /// <summary>
    /// The similarity-weighted share of the k nearest train intents whose teacher did not use
    /// <paramref name="tool"/> (nearest first, ties broken by repeats, then line); with no similar
    /// intent, the share of all train rows.
    /// </summary>
    private double NotUsedProbability(List<KeyValuePair<int, double>> neighbours, ToolName tool)
    {
        var total = neighbours.Sum(p => p.Value);
        if (!(total > 0)) return _notUsedShare[tool];
        return Math.Clamp(neighbours.Where(p => !_rows[p.Key].Used(tool)).Sum(p => p.Value) / total, 0, 1);
    }

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var searches = new Dictionary<string, Search>(StringComparer.Ordinal);
        var responses = new List<ToolResponse>(requests.Count);
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!searches.TryGetValue(request.Intent, out var search)) searches[request.Intent] = search = Find(request.Intent);
            var notUsed = NotUsedProbability(search.Neighbours, request.Tool);
            responses.Add(new ToolResponse(Answer(search, request.Tool, notUsed), 0, 0, NotUsedProbability: notUsed));
        }
        return Task.FromResult<IReadOnlyList<ToolResponse>>(responses);
    }

    /// <summary>The nearest intent's teacher answer; calibrated, "null" or the nearest answer that uses the tool.</summary>
    private string Answer(Search search, ToolName tool, double notUsed)
    {
        if (_calibrated is null) return _rows[search.Nearest].Teacher[tool];
        if (_calibrated.NotUsed(tool, notUsed)) return "null";
        var used = search.Neighbours.Select(p => p.Key).Where(i => _rows[i].Used(tool)).Cast<int?>().FirstOrDefault()
            ?? Enumerable.Range(0, _rows.Count).Where(i => _rows[i].Used(tool)).Aggregate((best, i) => Prefer(i, best) ? i : best);
        return _rows[used].Teacher[tool];
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
