using System.Diagnostics;
using System.Text.Json;
using Harness.Backends;

namespace Harness.Benchmarks;

/// <summary>
/// A peer engine in its own Node.js process (<c>tools/peer-bench/peer.mjs</c>), answering prompts over
/// stdin/stdout one JSON line each way. The benchmark times the whole round trip; the process also
/// reports the milliseconds it spent generating, so the pipe's share of the time can be told.
/// </summary>
internal sealed class NodePeer : IBackend
{
    private readonly Process _process;
    private readonly string _label;

    private NodePeer(Process process, string label, string engine)
    {
        _process = process;
        _label = label;
        Info = new BackendInfo(label, engine, "", "cpu", SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    /// <summary>Milliseconds the peer reported spending in generation, and the wall milliseconds of the same calls here.</summary>
    public (double Peer, double Wall) Milliseconds { get; private set; }

    /// <summary>Starts <c>node peer.mjs args</c> in <paramref name="peerFolder"/> and waits for its ready line.</summary>
    public static async Task<NodePeer> StartAsync(string peerFolder, string label, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = peerFolder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("peer.mjs");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new BackendException($"{label}: node did not start");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        var ready = await process.StandardOutput.ReadLineAsync(cancellationToken);
        if (ready is null || !ready.Contains("\"ready\"", StringComparison.Ordinal))
        {
            await process.WaitForExitAsync(cancellationToken);
            lock (errors) throw new BackendException($"{label}: node peer.mjs {string.Join(' ', args)} did not start: {ready}{errors}".Trim());
        }
        var engine = JsonDocument.Parse(ready).RootElement.GetProperty("ready").GetString() ?? label;
        return new NodePeer(process, label, engine);
    }

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { prompts = requests.Select(r => r.Prompt) }).AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken) ?? throw new BackendException($"{_label}: the node process ended");
        var wall = watch.Elapsed.TotalMilliseconds;
        var reply = JsonDocument.Parse(line).RootElement;
        Milliseconds = (Milliseconds.Peer + reply.GetProperty("ms").GetDouble(), Milliseconds.Wall + wall);
        return [.. reply.GetProperty("texts").EnumerateArray().Select(t => new ToolResponse(t.GetString() ?? "", 0, 0))];
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
