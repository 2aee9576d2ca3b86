using System.Runtime.InteropServices;
using Harness.Backends;
using Harness.Plugins.Shared;
using TorchSharp;

namespace Harness.Plugins.TorchSharpT5.Native;

/// <summary>
/// Loads TorchSharp's native glue by path before TorchSharp tries, so that a failure reports the
/// dynamic loader's own reason (TorchSharp's says only that a package reference is missing, whatever
/// went wrong) and what to do about it.
/// </summary>
internal static class LibTorch
{
    private static readonly Lock LoadGate = new();
    private static bool _loaded;

    public static string GlueFileName { get; } =
        OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";

    /// <summary>The glue library TorchSharp will use: beside TorchSharp.dll (a RID-specific build), else in its runtimes folder.</summary>
    public static string GluePath()
    {
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        string[] candidates = [Path.Combine(folder, GlueFileName), Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", GlueFileName)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BackendException($"TorchSharp: no {GlueFileName} beside {folder}; build the plugin again (dotnet build plugins/TorchSharpT5) so that its LibTorch package is copied.");
    }

    /// <summary>Loads LibTorch once per process; throws a one-line <see cref="BackendException"/> with the loader's reason.</summary>
    public static void EnsureLoaded()
    {
        lock (LoadGate)
        {
            if (_loaded) return;
            Load(GluePath());
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ExternalException)
            {
                throw new BackendException($"TorchSharp: LibTorch did not start ({NativeLoad.FirstLine(e.Message)}); see plugins/TorchSharpT5/README.md.");
            }
            _loaded = true;
        }
    }

    /// <summary>Loads the library at <paramref name="path"/> by path, turning a failure into what to do.</summary>
    public static void Load(string path)
    {
        try
        {
            NativeLibrary.Load(path);
        }
        catch (Exception e) when (NativeLoad.Failed(e))
        {
            var reason = LastLine(e.Message);
            var remedy = reason.Contains("GLIBCXX_", StringComparison.Ordinal)
                ? "this system's libstdc++ is older than the one TorchSharp was built with: build the plugin again with the repository's scripts or dotnet build "
                  + "(its build runs tools/elf-version-patch on this copy), or install GCC 13's libstdc++ or newer"
                : "LibTorch's libraries must lie beside it: build the plugin again (dotnet build plugins/TorchSharpT5) and check the folder is complete";
            throw new BackendException($"TorchSharp: cannot load {path}: {reason}; {remedy}.");
        }
    }

    // .NET's message wraps the loader's (dlerror) reason, which comes last.
    private static string LastLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;
}
