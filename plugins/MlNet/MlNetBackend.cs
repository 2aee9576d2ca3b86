using Harness.Backends;
using Harness.Plugins.MlNet.Model;
using Harness.Plugins.MlNet.Training;

namespace Harness.Plugins.MlNet;

/// <summary>
/// Answers each request from the student's predictions for its intent. The three calls of one
/// intent share one prediction (the last few intents are kept). A batch gains nothing over
/// single calls (each intent is one prediction-engine call either way), so it does not batch.
/// A call's not-used probability is 1 − the tool's "used" classifier's probability.
/// </summary>
internal sealed class MlNetBackend(StudentModel model, BackendInfo info, SelectionThresholds? calibrated = null) : IBackend
{
    private const int Remembered = 64;
    private readonly Dictionary<string, StudentOutput> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _recentLock = new();

    public BackendInfo Info { get; } = info;

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        cancellationToken.ThrowIfCancellationRequested();
        var outputs = Predict(requests.Select(r => r.Intent).Distinct(StringComparer.Ordinal).ToList());
        IReadOnlyList<ToolResponse> responses =
            [.. requests.Select(r => new ToolResponse(ToolAnswer.Format(r.Tool, outputs[r.Intent], model.Settings.Thresholds, calibrated), 0, 0,
                NotUsedProbability: 1 - ToolAnswer.UsedProbability(r.Tool, outputs[r.Intent])))];
        return Task.FromResult(responses);
    }

    public ValueTask DisposeAsync()
    {
        model.Dispose();
        return ValueTask.CompletedTask;
    }

    private Dictionary<string, StudentOutput> Predict(List<string> intents)
    {
        var found = new Dictionary<string, StudentOutput>(StringComparer.Ordinal);
        lock (_recentLock)
        {
            foreach (var intent in intents)
                if (_recent.TryGetValue(intent, out var output)) found[intent] = output;
        }
        var missing = intents.Where(i => !found.ContainsKey(i)).ToList();
        var predicted = missing.Select(model.Predict).ToList();
        lock (_recentLock)
        {
            for (var i = 0; i < missing.Count; i++)
            {
                found[missing[i]] = predicted[i];
                if (_recent.TryAdd(missing[i], predicted[i])) _order.Enqueue(missing[i]);
            }
            while (_order.Count > Remembered) _recent.Remove(_order.Dequeue());
        }
        return found;
    }
}
