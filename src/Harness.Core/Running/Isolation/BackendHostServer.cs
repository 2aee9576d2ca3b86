using System.Text.Json.Nodes;
using Harness.Backends;
using Harness.Plugins;

namespace Harness.Running.Isolation;

/// <summary>
/// The child side of process isolation (<c>harness backend-host</c>): loads one plugin folder,
/// creates the backend the harness asks for and answers its requests over the
/// <see cref="BackendProtocol"/> until <c>dispose</c> or the end of its input. Anything that goes
/// wrong inside the plugin is sent back as <c>failed</c>; a native crash simply ends this process,
/// which is what the harness watches for.
/// </summary>
public static class BackendHostServer
{
    /// <summary>Serves backend <paramref name="backendName"/> of <paramref name="pluginDirectory"/>; returns the exit code.</summary>
    /// <param name="pluginDirectory">The plugin folder (holding <c>&lt;Name&gt;.dll</c>).</param>
    /// <param name="backendName">The backend (factory) name.</param>
    /// <param name="input">The protocol's input (the process's standard input).</param>
    /// <param name="protocolOut">The protocol's output (the process's real standard output); plugin prints go to <see cref="Console.Out"/>, which the caller points elsewhere.</param>
    /// <param name="cancellationToken">Stops serving.</param>
    public static async Task<int> RunAsync(string pluginDirectory, string backendName, TextReader input, TextWriter protocolOut, CancellationToken cancellationToken)
    {
        var gate = new object();
        void Send(string type, JsonObject? body = null)
        {
            lock (gate)
            {
                protocolOut.WriteLine(BackendProtocol.Encode(type, body));
                protocolOut.Flush();
            }
        }

        var host = PluginHost.LoadFolder(pluginDirectory);
        var plugin = host.Catalog.TryFind(backendName);
        IBackend? backend = null;
        try
        {
            while (await input.ReadLineAsync(cancellationToken) is { } line)
            {
                if (BackendProtocol.Decode(line) is not { } message) continue;
                switch (BackendProtocol.TypeOf(message))
                {
                    case "create":
                        if (plugin is null)
                        {
                            var reason = host.Failures.FirstOrDefault()?.Reason ?? $"no backend named '{backendName}' in {pluginDirectory}";
                            Send("failed", new JsonObject { ["error"] = $"plugin failed to load in the backend process: {reason}", ["user_error"] = true });
                            break;
                        }
                        backend = await CreateAsync(plugin, message, text => Send("log", new JsonObject { ["text"] = text }), Send, cancellationToken);
                        break;
                    case "generate" when backend is not null:
                        await GenerateAsync(backend, message, Send, cancellationToken);
                        break;
                    case "dispose":
                        if (backend is not null) await backend.DisposeAsync();
                        backend = null;
                        Send("disposed");
                        return 0;
                }
            }
            return 0;
        }
        finally
        {
            if (backend is not null) await backend.DisposeAsync();
        }
    }

    private static async Task<IBackend?> CreateAsync(
        LoadedBackend plugin, JsonObject message, Action<string> log, Action<string, JsonObject?> send, CancellationToken cancellationToken)
    {
        try
        {
            var values = message["options"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
            var options = new BackendOptions(values, (string?)message["source"] ?? "config");
            var context = new BackendContext(plugin.Directory, (string)message["base_directory"]!, log);
            var backend = await plugin.Factory.CreateAsync(options, context, cancellationToken)
                ?? throw new PluginContractException($"{plugin.Factory.GetType().Name}.CreateAsync returned null instead of a backend");
            send("created", BackendProtocol.Info(backend.Info));
            return backend;
        }
        catch (Exception ex)
        {
            send("failed", new JsonObject { ["error"] = BackendStart.Describe(ex), ["user_error"] = ex is BackendException });
            return null;
        }
    }

    private static async Task GenerateAsync(IBackend backend, JsonObject message, Action<string, JsonObject?> send, CancellationToken cancellationToken)
    {
        try
        {
            var responses = await backend.GenerateAsync(BackendProtocol.ReadRequests(message), cancellationToken);
            send("responses", BackendProtocol.Responses(responses));
        }
        catch (Exception ex)
        {
            send("failed", new JsonObject { ["exception"] = ex.GetType().Name, ["error"] = ex.Message.ReplaceLineEndings(" "), ["user_error"] = false });
        }
    }
}
