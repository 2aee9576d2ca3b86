using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Harness.Backends;

namespace Harness.Plugins;

/// <summary>
/// One plugin's own load context: its private dependencies and native libraries
/// resolve from its folder (through its deps.json), while Harness.Abstractions is
/// always the host's copy so that <see cref="IBackendFactory"/> is the same type on both sides.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly Assembly ContractAssembly = typeof(IBackendFactory).Assembly;

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _directory;

    public PluginLoadContext(string mainAssemblyPath)
        : base($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        _directory = Path.GetDirectoryName(mainAssemblyPath)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, ContractAssembly.GetName().Name, StringComparison.OrdinalIgnoreCase))
            return ContractAssembly;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        // null falls back to the default context (the shared framework).
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) ?? ProbeBeside(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    // Native files copied next to the plugin without a deps.json entry (e.g. a hand-built libllama.so).
    private string? ProbeBeside(string name)
    {
        string[] candidates = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? [name, name + ".dll"]
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
                ? [name, "lib" + name + ".dylib", name + ".dylib"]
                : [name, "lib" + name + ".so", name + ".so"];
        return candidates.Select(c => Path.Combine(_directory, c)).FirstOrDefault(File.Exists);
    }
}
