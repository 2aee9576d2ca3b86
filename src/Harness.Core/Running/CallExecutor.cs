using System.Diagnostics;
using System.Globalization;
using Harness.Backends;
using Harness.Parsing;

namespace Harness.Running;

/// <summary>
/// Makes one backend call for a batch of planned calls, under the per-call timeout,
/// and appends a record per call. A timeout, an exception or a missing response is
/// recorded on the calls it concerns (parse failure <c>backend_error</c>) and the run
/// goes on; only the run's own cancellation propagates.
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
        cancellationToken.ThrowIfCancellationRequested();
        var requests = batch.Select(c => c.ToRequest(context.Entry.PromptTemplate)).ToList();
        var limit = TimeSpan.FromSeconds(context.Config.TimeoutSeconds * batch.Count);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ToolResponse> responses;
        try
        {
            // WaitAsync also abandons a backend that ignores its token.
            responses = await context.Backend.GenerateAsync(requests, timeout.Token).WaitAsync(timeout.Token);
            if (responses.Count != requests.Count)
                responses = FailAll(requests.Count, $"backend returned {responses.Count} responses for {requests.Count} requests");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            responses = FailAll(requests.Count, ex is OperationCanceledException
                ? $"timed out after {seconds} s"
                : $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" "));
        }
        // Answers that arrived are kept even when cancellation came meanwhile: they are finished calls.
        watch.Stop();

        var latency = watch.Elapsed.TotalMilliseconds / (amortize ? batch.Count : 1);
        for (var i = 0; i < batch.Count; i++)
        {
            var call = batch[i];
            var response = responses[i] ?? ToolResponse.Failed("backend returned no response");
            var error = response.Error ?? (response.Text is null ? "backend returned neither text nor an error" : null);
            var parsed = error is null
                ? context.Parser.Parse(call.Tool, response.Text)
                : ParsedOutput.BackendFailure(call.Tool, error);
            context.Log.Append(new CallRecord(
                call.Row.Id, call.Tool, context.Scenario, error is null ? response.Text : null, parsed,
                latency, response.InputTokens, response.OutputTokens, error, call.Warmup));
        }
        context.Progress.Advance(batch.Count);
    }

    private static ToolResponse[] FailAll(int count, string error) =>
        [.. Enumerable.Repeat(ToolResponse.Failed(error), count)];
}
