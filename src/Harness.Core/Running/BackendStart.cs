using System.Globalization;
using Harness.Backends;
using Harness.Plugins;
using Harness.Running.Isolation;

namespace Harness.Running;

/// <summary>
/// Starts one configured backend, in the harness process or in a child process
/// (<see cref="BackendConfig.Isolation"/>), within <c>start_timeout_s</c>. Whatever goes wrong — the
/// plugin throws, hangs, returns no backend, or its <see cref="IBackend.Info"/> throws — ends as a
/// <see cref="BackendStartException"/> with one line saying why.
/// </summary>
internal static class BackendStart
{
    public static async Task<(IBackend Backend, BackendInfo Info)> StartAsync(
        BackendConfig entry, LoadedBackend plugin, EvalConfig config, Action<string> log, CancellationToken cancellationToken)
    {
        var options = new BackendOptions(entry.Options, $"{Path.GetFileName(config.SourcePath)}: backends[{entry.Index}] ({entry.Label})");
        var limit = TimeSpan.FromSeconds(config.StartTimeoutSeconds);
        IBackend? backend = null;
        try
        {
            if (entry.IsolationWith(plugin) == BackendIsolation.Process)
            {
                if (!plugin.FromFolder)
                    throw new BackendStartException($"isolation: process needs a plugin loaded from a plugin folder, and {plugin.Name} was given to the harness in process; use isolation: in-process");
                backend = await IsolatedBackend.StartAsync(plugin, options, config.BaseDirectory, entry.Label, log, limit, cancellationToken);
            }
            else
            {
                var context = new BackendContext(plugin.Directory, config.BaseDirectory, log);
                // Task.Run: a factory that blocks before its first await must not hold the run past the limit.
                var creating = Task.Run(() => plugin.Factory.CreateAsync(options, context, cancellationToken), CancellationToken.None);
                try
                {
                    backend = await creating.WaitAsync(limit, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // If it ever finishes, release what it loaded.
                    _ = creating.ContinueWith(t => t.Result?.DisposeAsync(), TaskContinuationOptions.OnlyOnRanToCompletion);
                    throw new BackendStartException($"did not start within start_timeout_s = {Seconds(limit)} s");
                }
                if (backend is null)
                    throw new BackendStartException($"{plugin.Factory.GetType().Name}.CreateAsync returned null instead of a backend (a defect of the plugin)");
            }
            var info = ReadInfo(backend, plugin);
            return (backend, info);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (backend is not null) await StopAsync(backend, entry, limit, log);
            throw ex as BackendStartException ?? new BackendStartException(Describe(ex));
        }
    }

    /// <summary>Disposes <paramref name="backend"/> within the start limit; a failure or a hang is a warning, since the results are on disk by now.</summary>
    public static async Task StopAsync(IBackend backend, BackendConfig entry, TimeSpan limit, Action<string> log)
    {
        try
        {
            await Task.Run(async () => await backend.DisposeAsync(), CancellationToken.None).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            log($"warning: backend '{entry.Label}' did not shut down within start_timeout_s = {Seconds(limit)} s; its results are kept.");
        }
        catch (Exception ex)
        {
            log($"warning: backend '{entry.Label}' failed to shut down: {Describe(ex)}");
        }
    }

    /// <summary>One line on why a plugin call failed: the plugin's own message for the user's errors, else the exception type too.</summary>
    public static string Describe(Exception ex)
    {
        var text = ex switch
        {
            BackendException or BackendStartException or BackendProcessException or PluginContractException => ex.Message,
            RemoteCallException remote => $"{remote.TypeName}: {remote.Message}",
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };
        return text.ReplaceLineEndings(" ");
    }

    // Info is read once; a plugin whose Info throws or is incomplete fails here rather than in the middle of a scenario.
    private static BackendInfo ReadInfo(IBackend backend, LoadedBackend plugin)
    {
        BackendInfo? info;
        try
        {
            info = backend.Info;
        }
        catch (Exception ex)
        {
            throw new BackendStartException($"{plugin.Name}: the backend's Info threw {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} (a defect of the plugin)");
        }
        if (info is null || string.IsNullOrWhiteSpace(info.Name) || info.Model is null || string.IsNullOrWhiteSpace(info.Device))
            throw new BackendStartException($"{plugin.Name}: the backend's Info is missing its name, model or device (a defect of the plugin)");
        return info;
    }

    private static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A backend could not be started; the message says why, in one line.</summary>
internal sealed class BackendStartException(string message) : Exception(message);
