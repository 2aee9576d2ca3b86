using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Backends;
using Harness.Plugins;

namespace Harness.Running.Isolation;

/// <summary>
/// A backend running in a child <c>harness backend-host</c> process (<c>isolation: process</c>).
/// One request at a time over the <see cref="BackendProtocol"/>. When the child ends on its own
/// (a segfault, an abort, <c>Environment.Exit</c>) or does not answer within the call's limit, it
/// throws <see cref="BackendProcessException"/> with the exit or the signal and the child's last
/// standard-error lines; the harness then fails only this backend.
/// </summary>
internal sealed class IsolatedBackend : IBackend
{
    private const int StderrLines = 12;

    private readonly Process _process;
    private readonly string _label;
    private readonly Action<string> _log;
    private readonly TimeSpan _shutdownLimit;
    private readonly Queue<string> _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private TaskCompletionSource<JsonObject>? _pending;
    private bool _ended;

    private IsolatedBackend(Process process, string label, Action<string> log, TimeSpan shutdownLimit)
    {
        _process = process;
        _label = label;
        _log = log;
        _shutdownLimit = shutdownLimit;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public BackendInfo Info { get; private set; } = null!;

    /// <summary>Starts the child, creates the backend in it and returns once it reports its <see cref="BackendInfo"/>.</summary>
    /// <exception cref="BackendException">The plugin refused its options or model files (the user's to fix).</exception>
    /// <exception cref="BackendProcessException">The child ended, or did not start within <paramref name="startLimit"/>.</exception>
    public static async Task<IsolatedBackend> StartAsync(
        LoadedBackend plugin, BackendOptions options, string baseDirectory, string label, Action<string> log, TimeSpan startLimit, CancellationToken cancellationToken)
    {
        var process = new Process { StartInfo = HarnessProcess.StartInfo("backend-host", "--plugin-folder", plugin.Directory, "--backend", plugin.Name) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new BackendProcessException($"could not start the backend process ({process.StartInfo.FileName}): {ex.Message}");
        }
        var backend = new IsolatedBackend(process, label, log, startLimit);
        try
        {
            var reply = await backend.CallAsync("create", new JsonObject
            {
                ["options"] = new JsonObject([.. options.Values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                ["source"] = options.Source,
                ["base_directory"] = baseDirectory,
            }, startLimit, "starting", cancellationToken);
            backend.Info = BackendProtocol.ReadInfo(reply);
            return backend;
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        var reply = await CallAsync("generate", BackendProtocol.Requests(requests), Timeout.InfiniteTimeSpan, $"answering {requests[0].IntentId}", cancellationToken);
        return BackendProtocol.ReadResponses(reply);
    }

    private async Task<JsonObject> CallAsync(string type, JsonObject body, TimeSpan limit, string doing, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stderr)
        {
            if (_ended) throw Ended(doing);
            _pending = pending;
        }
        try
        {
            await _process.StandardInput.WriteLineAsync(BackendProtocol.Encode(type, body).AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The child is gone; the stdout pump reports how it ended.
        }
        JsonObject reply;
        try
        {
            reply = await pending.Task.WaitAsync(limit, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // A call that does not come back leaves the child in an unknown state: stop it, and the backend with it.
            Kill();
            var within = limit == Timeout.InfiniteTimeSpan ? "within its time limit" : $"within {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
            throw new BackendProcessException($"the backend process did not finish {doing} {within} and was stopped{StderrTail()}");
        }
        if (BackendProtocol.TypeOf(reply) == "failed")
        {
            var error = (string?)reply["error"] ?? "the backend failed";
            if (type == "create")
                throw (bool?)reply["user_error"] == true ? new BackendException(error) : new BackendProcessException(error);
            throw new RemoteCallException((string?)reply["exception"] ?? "Exception", error);
        }
        return reply;
    }

    private async Task PumpStdoutAsync()
    {
        var output = _process.StandardOutput;
        while (await output.ReadLineAsync() is { } line)
        {
            var message = BackendProtocol.Decode(line);
            if (message is null)
            {
                _log($"{_label}: {line}");
                continue;
            }
            if (BackendProtocol.TypeOf(message) == "log")
            {
                _log((string?)message["text"] ?? "");
                continue;
            }
            TaskCompletionSource<JsonObject>? pending;
            lock (_stderr)
            {
                pending = _pending;
                _pending = null;
            }
            pending?.TrySetResult(message);
        }
        // End of output: the child has ended. Fail whatever waits for it with how it ended.
        await _process.WaitForExitAsync();
        await _stderrPump;
        TaskCompletionSource<JsonObject>? waiting;
        lock (_stderr)
        {
            _ended = true;
            waiting = _pending;
            _pending = null;
        }
        waiting?.TrySetException(Ended("answering"));
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_stderr)
            {
                _stderr.Enqueue(line);
                if (_stderr.Count > StderrLines) _stderr.Dequeue();
            }
        }
    }

    private BackendProcessException Ended(string doing)
    {
        var how = _process.HasExited ? HarnessProcess.DescribeExit(_process.ExitCode) : "ended";
        return new BackendProcessException($"the backend process {how} while {doing}{StderrTail()}");
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            var lines = _stderr.Where(l => l.Trim().Length > 0).TakeLast(5).Select(l => l.Trim()).ToList();
            return lines.Count == 0 ? "" : "; its last stderr lines: " + string.Join(" | ", lines);
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await CallAsync("dispose", [], _shutdownLimit, "shutting down", CancellationToken.None);
            }
            catch (Exception ex) when (ex is BackendProcessException or RemoteCallException or IOException)
            {
                _log($"warning: backend '{_label}' did not shut down cleanly: {ex.Message}");
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }
        try
        {
            await _stdoutPump.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            Kill();
        }
        _process.Dispose();
    }
}
