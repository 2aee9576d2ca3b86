using Harness.Running;
using Harness.Runs;

namespace Harness.Api;

/// <summary>
/// How <see cref="EvaluationCatalog.EvaluateAsync"/> runs a backend: the eval.yaml settings that
/// concern one backend in one scenario. Every property defaults to eval.yaml's default.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>0 for every row of the dataset, otherwise the first <c>Rows</c> (eval.yaml's <c>limit</c>).</summary>
    public int Rows { get; init; }

    /// <summary><c>single-stream</c> (one intent at a time, the latency a user feels; the default) or <c>offline</c> (batches, for throughput); see <see cref="ScenarioNames"/>.</summary>
    public string Scenario { get; init; } = ScenarioNames.SingleStream;

    /// <summary>Leading intents run and recorded but left out of latency, throughput and cost.</summary>
    public int Warmup { get; init; } = EvalConfig.DefaultWarmup;

    /// <summary>The limit of one backend call, in seconds (a batch gets this times its size).</summary>
    public double TimeoutSeconds { get; init; } = EvalConfig.DefaultTimeoutSeconds;

    /// <summary>The limit of starting the backend (loading its model) and of shutting it down, in seconds.</summary>
    public double StartTimeoutSeconds { get; init; } = EvalConfig.DefaultStartTimeoutSeconds;

    /// <summary>
    /// The run folder to write and keep (run.json, the backend's predictions.jsonl and metrics.json,
    /// and the <see cref="Reports"/>), as <c>harness eval --out</c> writes it; its name is the run id.
    /// Null keeps no folder: the run goes to a temporary folder that is deleted afterwards.
    /// </summary>
    public string? RunDirectory { get; init; }

    /// <summary>Report writers to run into <see cref="RunDirectory"/> (<c>html</c>, <c>markdown</c>, <c>json</c>, <c>junit</c>); none by default.</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    /// <summary>Where progress goes (calls done, a backend's log lines); null reports nothing.</summary>
    public IProgressSink? Progress { get; init; }
}
