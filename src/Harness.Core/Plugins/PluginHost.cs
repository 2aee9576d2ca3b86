using System.Collections.Immutable;
using System.Reflection;
using Harness.Backends;

namespace Harness.Plugins;

/// <summary>
/// Finds backend plugins: every folder <c>&lt;dir&gt;/&lt;Name&gt;/</c> holding <c>&lt;Name&gt;.dll</c>
/// is loaded into its own load context and searched for public <see cref="IBackendFactory"/>
/// types. A plugin that fails is recorded with the reason; the others still load.
/// The first directory that has a plugin of a given name wins.
/// </summary>
public sealed class PluginHost
{
    private PluginHost(ImmutableArray<LoadedBackend> backends, ImmutableArray<PluginLoadFailure> failures)
    {
        Backends = backends;
        Failures = failures;
        Catalog = new BackendCatalog(backends);
    }

    /// <summary>Every factory found, in discovery order.</summary>
    public ImmutableArray<LoadedBackend> Backends { get; }

    /// <summary>Plugin folders that could not be loaded.</summary>
    public ImmutableArray<PluginLoadFailure> Failures { get; }

    /// <summary>The factories by name.</summary>
    public BackendCatalog Catalog { get; }

    /// <summary>Loads the plugins of <paramref name="directories"/> (missing directories are passed over).</summary>
    public static PluginHost Load(IEnumerable<string> directories)
    {
        var backends = new List<LoadedBackend>();
        var failures = new List<PluginLoadFailure>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dir in directories.Where(Directory.Exists))
        {
            foreach (var pluginDir in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(pluginDir);
                if (!seen.Add(name)) continue;
                LoadOne(name, pluginDir, backends, failures);
            }
        }
        return new PluginHost([.. backends], [.. failures]);
    }

    /// <summary>Loads the one plugin in <paramref name="pluginDirectory"/> (a folder holding <c>&lt;Name&gt;.dll</c>), as a child backend process does.</summary>
    public static PluginHost LoadFolder(string pluginDirectory)
    {
        var backends = new List<LoadedBackend>();
        var failures = new List<PluginLoadFailure>();
        LoadOne(Path.GetFileName(Path.TrimEndingDirectorySeparator(pluginDirectory)), pluginDirectory, backends, failures);
        return new PluginHost([.. backends], [.. failures]);
    }

    private static void LoadOne(string name, string pluginDir, List<LoadedBackend> backends, List<PluginLoadFailure> failures)
    {
        var assemblyPath = Path.Combine(pluginDir, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            failures.Add(new PluginLoadFailure(name, pluginDir, $"no {name}.dll in the folder (a plugin folder holds <Name>/<Name>.dll)"));
            return;
        }
        List<Type> factoryTypes;
        string version;
        try
        {
            var assembly = new PluginLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);
            version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? assembly.GetName().Version?.ToString() ?? "?";
            factoryTypes = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBackendFactory).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex)
        {
            failures.Add(new PluginLoadFailure(name, pluginDir, Describe(ex)));
            return;
        }
        if (factoryTypes.Count == 0)
        {
            failures.Add(new PluginLoadFailure(name, pluginDir, $"{name}.dll has no public {nameof(IBackendFactory)} implementation"));
            return;
        }
        // One factory that breaks its contract fails alone; the plugin's other factories still load.
        foreach (var type in factoryTypes)
        {
            try
            {
                var backend = new LoadedBackend(name, version, pluginDir, (IBackendFactory)Activator.CreateInstance(type)!);
                if (backends.Any(b => string.Equals(b.Name, backend.Name, StringComparison.OrdinalIgnoreCase)))
                    failures.Add(new PluginLoadFailure(name, pluginDir, $"backend name '{backend.Name}' is already taken by another plugin"));
                else
                    backends.Add(backend);
            }
            catch (Exception ex)
            {
                failures.Add(new PluginLoadFailure(name, pluginDir, Describe(ex)));
            }
        }
    }

    private static string Describe(Exception ex)
    {
        var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
        var reason = inner switch
        {
            BadImageFormatException => "not a .NET assembly (bad image format)",
            PluginContractException c => c.Message,
            ReflectionTypeLoadException r => "types failed to load: " + string.Join("; ", r.LoaderExceptions.Select(e => e?.Message).Distinct()),
            _ => $"{inner.GetType().Name}: {inner.Message}",
        };
        return reason.ReplaceLineEndings(" ");
    }
}
