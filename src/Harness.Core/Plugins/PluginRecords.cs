using System.Collections.Immutable;
using Harness.Backends;

namespace Harness.Plugins;

/// <summary>
/// A backend factory found in a plugin folder. Its name, description and options are read once,
/// here: a factory whose members throw or return nothing fails at load with the reason
/// (<see cref="PluginContractException"/>), never later in the middle of a run or of <c>harness plugins</c>.
/// </summary>
public sealed record LoadedBackend
{
    /// <param name="plugin">The plugin (folder) name.</param>
    /// <param name="version">The plugin assembly's informational version.</param>
    /// <param name="directory">The plugin folder, passed to backends as <see cref="BackendContext.PluginDirectory"/>.</param>
    /// <param name="factory">The factory instance.</param>
    /// <param name="fromFolder">False for a factory handed to the host in process (tests, embedding): a child process cannot load it.</param>
    /// <exception cref="PluginContractException">A member of the factory threw or returned nothing usable.</exception>
    public LoadedBackend(string plugin, string version, string directory, IBackendFactory factory, bool fromFolder = true)
    {
        FromFolder = fromFolder;
        ArgumentNullException.ThrowIfNull(factory);
        Plugin = plugin;
        Version = version;
        Directory = directory;
        Factory = factory;
        var type = factory.GetType().Name;
        Name = Read(type, "Name", () => factory.Name);
        if (string.IsNullOrWhiteSpace(Name) || Name.Any(char.IsControl))
            throw new PluginContractException($"{type}.Name is {(Name is null ? "null" : $"'{Name}'")}; a backend needs a printable name for configs to use");
        Description = Read(type, "Description", () => factory.Description) ?? "";
        var options = Read(type, "Options", () => factory.Options)
            ?? throw new PluginContractException($"{type}.Options is null; return an empty list when the backend has no options");
        if (options.Any(o => o is null || string.IsNullOrWhiteSpace(o.Name)))
            throw new PluginContractException($"{type}.Options holds an option without a name");
        Options = [.. options];
        LoadsNativeCode = Read(type, "LoadsNativeCode", () => factory.LoadsNativeCode);
        AnswersNewIntents = Read(type, "AnswersNewIntents", () => factory.AnswersNewIntents);
    }

    /// <summary>The plugin (folder) name.</summary>
    public string Plugin { get; }

    /// <summary>The plugin assembly's informational version.</summary>
    public string Version { get; }

    /// <summary>The plugin folder, passed to backends as <see cref="BackendContext.PluginDirectory"/>.</summary>
    public string Directory { get; }

    /// <summary>The factory instance.</summary>
    public IBackendFactory Factory { get; }

    /// <summary>The name configs use (the factory's <see cref="IBackendFactory.Name"/>).</summary>
    public string Name { get; }

    /// <summary>The factory's one-line description.</summary>
    public string Description { get; }

    /// <summary>The options the factory understands.</summary>
    public ImmutableArray<BackendOptionInfo> Options { get; }

    /// <summary>Whether it was loaded from a plugin folder, which a child backend process can load again.</summary>
    public bool FromFolder { get; }

    /// <summary>Whether the backend runs native code (<see cref="IBackendFactory.LoadsNativeCode"/>); such backends run in a child process by default.</summary>
    public bool LoadsNativeCode { get; }

    /// <summary>Whether the backend can answer an intent it has not recorded (<see cref="IBackendFactory.AnswersNewIntents"/>); false for replay.</summary>
    public bool AnswersNewIntents { get; }

    private static T Read<T>(string type, string member, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex)
        {
            throw new PluginContractException($"{type}.{member} threw {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}

/// <summary>A plugin folder that could not be loaded, and why.</summary>
/// <param name="Name">The plugin (folder) name.</param>
/// <param name="Directory">The folder it was loaded from.</param>
/// <param name="Reason">One line on what went wrong.</param>
public sealed record PluginLoadFailure(string Name, string Directory, string Reason);

/// <summary>A factory that does not keep the <see cref="IBackendFactory"/> contract; the message says which member and how.</summary>
public sealed class PluginContractException(string message) : Exception(message);
