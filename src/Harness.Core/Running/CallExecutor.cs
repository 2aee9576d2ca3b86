using System.Diagnostics;
using System.Globalization;
using Harness.Backends;
using Harness.Parsing;
using Harness.Running.Isolation;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// Makes one backend call for a batch of planned calls, under the per-call timeout,
/// and appends a record per call. A timeout, an exception or a missing response is
/// recorded on the calls it concerns (parse failure <c>backend_error</c>) and the run
/// goes on; only the run's own cancellation propagates, and a
/// <see cref="BackendProcessException"/> (an isolated backend's process ended), after its calls are recorded.
/// </summary>
internal static class CallExecutor
{
    /// <param name="context">The scenario.</param>
    /// <param name="batch">The calls, sent as one <see cref="IBackend.GenerateAsync"/>.</param>
    /// <param name="amortize">Record the batch time divided by the batch size as each call's latency (offline);
    /// otherwise each call gets the whole batch time (single-stream, where the batch is one intent).</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    public static async Task RunAsync(ScenarioContext context, IReadOnlyList<PlannedCall> batch, bool amortize, CancellationToken cancellationToken)
    {
        var outcome = await CallAsync(context, batch, cancellationToken);
        var latency = outcome.ElapsedMs / (amortize ? batch.Count : 1);
        for (var i = 0; i < batch.Count; i++)
            Record(context, batch[i], outcome.Responses[i], latency);
        context.Progress.Advance(batch.Count);
        if (outcome.Fatal is not null) throw outcome.Fatal;
    }

    /// <summary>What one backend call gave: a response per planned call, its wall time, and the end of an isolated backend's process, if it ended.</summary>
    internal sealed record Outcome(IReadOnlyList<ToolResponse> Responses, double ElapsedMs, BackendProcessException? Fatal);

    /// <summary>
    /// Makes the call for <paramref name="batch"/> and times it, recording nothing: a timeout or an error
    /// becomes a failed response per call; only the run's cancellation throws.
    /// </summary>
    internal static Task<Outcome> CallAsync(ScenarioContext context, IReadOnlyList<PlannedCall> batch, CancellationToken cancellationToken) =>
        CallAsync(context.Backend, [.. batch.Select(c => c.ToRequest(context.Entry.PromptTemplate))], context.Config.TimeoutSeconds, cancellationToken);

    /// <summary>
    /// Sends <paramref name="requests"/> to <paramref name="backend"/> as one call under <paramref name="timeoutSeconds"/>
    /// per request and times it, recording nothing (<c>harness try</c> makes its calls through this too).
    /// </summary>
    internal static async Task<Outcome> CallAsync(IBackend backend, IReadOnlyList<ToolRequest> requests, double timeoutSeconds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var limit = TimeSpan.FromSeconds(timeoutSeconds * requests.Count);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ToolResponse> responses;
        BackendProcessException? fatal = null;
        var generating = Generate(backend, requests, timeout.Token);
        try
        {
            responses = Checked(await generating.WaitAsync(timeout.Token), requests.Count);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: answers that arrive anyway are finished calls and kept; the rest are redone on resume.
            await Task.WhenAny(generating, Task.Delay(CancelGrace, CancellationToken.None));
            if (!generating.IsCompletedSuccessfully) throw new OperationCanceledException(cancellationToken);
            responses = Checked(generating.Result, requests.Count);
        }
        catch (Exception ex)
        {
            // Only the limit's own expiry is a timeout; a plugin that cancels itself is an error like any other.
            var timedOut = ex is OperationCanceledException or BackendProcessException && timeout.IsCancellationRequested;
            var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            responses = FailAll(requests.Count, timedOut ? $"timed out after {seconds} s" : BackendStart.Describe(ex));
            // A child process that ended or was stopped takes the backend with it, once these calls are recorded.
            fatal = ex as BackendProcessException;
        }
        watch.Stop();
        return new Outcome(responses, watch.Elapsed.TotalMilliseconds, fatal);
    }

    /// <summary>Parses <paramref name="response"/> and appends the call's record with <paramref name="latencyMs"/>.</summary>
    internal static void Record(ScenarioContext context, PlannedCall call, ToolResponse? response, double latencyMs)
    {
        response ??= ToolResponse.Failed("backend returned no response");
        var (parsed, error) = Parse(context.Parser, call.Tool, response);
        var (input, output) = CheckTokens(context, call, response);
        context.Log.Append(new CallRecord(
            call.Row.Id, call.Tool, context.Scenario, error is null ? response.Text : null, parsed,
            latencyMs, input, output, error, call.Warmup, error is null ? response.NotUsedProbability : null));
    }

    /// <summary>
    /// The parse verdict of <paramref name="response"/> as a run scores it: the parser's, or <c>backend_error</c>
    /// with <see cref="Error"/>'s reason when the call failed (the reason is returned too, null when it did not).
    /// </summary>
    internal static (ParsedOutput Parsed, string? Error) Parse(OutputParser parser, ToolName tool, ToolResponse? response)
    {
        var error = Error(response);
        return (error is null ? parser.Parse(tool, response!.Text) : ParsedOutput.BackendFailure(tool, error), error);
    }

    /// <summary>Why <paramref name="response"/> failed (its error, no text, or a probability that is not one), or null when it did not.</summary>
    internal static string? Error(ToolResponse? response) =>
        response is null ? "backend returned no response"
        : response.Error ?? (response.Text is null ? "backend returned neither text nor an error" : null) ?? ProbabilityError(response);

    /// <summary>
    /// Sends <paramref name="batch"/> only to warm the backend (after a resume): nothing is recorded and a
    /// failed or timed-out answer is ignored, except that a backend process that ended fails the backend.
    /// </summary>
    public static async Task WarmAsync(ScenarioContext context, IReadOnlyList<PlannedCall> batch, CancellationToken cancellationToken)
    {
        var requests = batch.Select(c => c.ToRequest(context.Entry.PromptTemplate)).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(context.Config.TimeoutSeconds * batch.Count));
        try
        {
            await Generate(context.Backend, requests, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not BackendProcessException && !cancellationToken.IsCancellationRequested)
        {
            // A warm-up answer is not scored; its failure will show on the recorded calls if it persists.
        }
    }

    /// <summary>
    /// Starts <paramref name="backend"/>'s call on the thread pool, so that a backend which blocks before
    /// its first await still lets the caller's <c>WaitAsync</c> time out (and abandon a backend that ignores its token).
    /// </summary>
    internal static Task<IReadOnlyList<ToolResponse>> Generate(IBackend backend, IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken) =>
        Task.Run(() => backend.GenerateAsync(requests, cancellationToken), CancellationToken.None);

    /// <summary>The most tokens one call can report; more (or fewer than none) is a plugin defect, not a measurement.</summary>
    public const int MaxTokensPerCall = 1 << 20;

    // Token counts drive throughput and cost: a negative or absurd count is dropped (recorded as unknown, 0) with one warning per scenario.
    private static (int Input, int Output) CheckTokens(ScenarioContext context, PlannedCall call, ToolResponse response)
    {
        static bool Valid(int tokens) => tokens is >= 0 and <= MaxTokensPerCall;
        if (Valid(response.InputTokens) && Valid(response.OutputTokens)) return (response.InputTokens, response.OutputTokens);
        if (context.Warnings.Add("tokens"))
            context.Progress.Log($"warning: backend '{context.Entry.Label}' reported {response.InputTokens} input and {response.OutputTokens} output tokens for {call.Row.Id} ({call.Tool.WireName()}); counts outside 0..{MaxTokensPerCall} are recorded as unknown (0).");
        return (Valid(response.InputTokens) ? response.InputTokens : 0, Valid(response.OutputTokens) ? response.OutputTokens : 0);
    }

    /// <summary>A not-used probability that is not a probability (NaN, or outside [0, 1]) fails the call: the plugin is wrong, and a guess would rank it.</summary>
    private static string? ProbabilityError(ToolResponse response) =>
        response.NotUsedProbability is { } p && !(p is >= 0 and <= 1)
            ? $"backend reported a not-used probability of {p.ToString(CultureInfo.InvariantCulture)}, which is not a probability (NaN or outside [0, 1])"
            : null;

    // How long a cancelled run waits for the call in flight to settle, so answers that were already computed are kept.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(2);

    private static IReadOnlyList<ToolResponse> Checked(IReadOnlyList<ToolResponse>? responses, int requests) =>
        responses is null ? FailAll(requests, "backend returned no list of responses")
        : responses.Count != requests ? FailAll(requests, $"backend returned {responses.Count} responses for {requests} requests")
        : responses;

    private static ToolResponse[] FailAll(int count, string error) =>
        [.. Enumerable.Repeat(ToolResponse.Failed(error), count)];
}
