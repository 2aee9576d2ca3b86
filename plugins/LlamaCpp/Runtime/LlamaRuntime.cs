using System.Reflection;
using System.Runtime.InteropServices;
using Harness.Backends;
using Harness.Plugins.Shared;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Runtime;

/// <summary>
/// LLamaSharp's native llama.cpp, loaded once per process: llama.cpp keeps process-wide
/// state (backends, log), so the first backend's choice (CPU or CUDA) holds for the run.
/// LLamaSharp picks the library under <c>runtimes/&lt;rid&gt;/native/</c> of the plugin folder
/// that the backend package put there (the CPU variant this processor supports best).
/// </summary>
internal static class LlamaRuntime
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>The native backend package the plugin was built with (MSBuild property <c>LlamaSharpBackend</c>).</summary>
    public static string BackendPackage { get; } = typeof(LlamaRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "LlamaSharpBackend")?.Value ?? "LLamaSharp.Backend.Cpu";

    /// <summary>Loads llama.cpp (first call only) and checks that <paramref name="cuda"/> can be honoured.</summary>
    public static void Load(string pluginDirectory, bool cuda, string source)
    {
        lock (Gate)
        {
            if (!_loaded)
            {
                if (!NativeLibraryConfig.LLama.LibraryHasLoaded)
                    NativeLibraryConfig.All.WithSearchDirectory(pluginDirectory).WithCuda(cuda).WithLogCallback(LlamaLog.Callback);
                try
                {
                    NativeApi.llama_empty_call();
                }
                catch (Exception e) when (NativeLoad.Failed(e) || e is LLama.Exceptions.RuntimeError)
                {
                    throw new BackendException(
                        $"LlamaCpp: LLamaSharp could not load llama.cpp from {Path.Combine(pluginDirectory, "runtimes")} ({FirstLine(e)}); rebuild plugins/LlamaCpp (its backend package {BackendPackage} brings the native files).", e);
                }
                NativeLogConfig.llama_log_set(LlamaLog.Callback);
                _loaded = true;
            }
        }
        if (cuda && !HasCuda)
            throw new BackendException(BackendPackage.Contains("Cuda", StringComparison.OrdinalIgnoreCase)
                ? $"{source}: option 'device' is cuda but llama.cpp ({BackendPackage}) found no CUDA device: there is no NVIDIA GPU/driver here, the CUDA 12 runtime is not installed, or a CPU backend was loaded first in this run; fix that or use device: cpu."
                : $"{source}: option 'device' is cuda but this plugin was built with {BackendPackage}; rebuild it with -p:LlamaSharpBackend=LLamaSharp.Backend.Cuda12.Linux (LLamaSharp.Backend.Cuda12.Windows on Windows) on a machine with an NVIDIA GPU, or use device: cpu.");
    }

    /// <summary>True when ggml registered a CUDA device.</summary>
    public static bool HasCuda => Devices().Any(d => d.StartsWith("CUDA", StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of ggml's devices (CPU, CUDA0, ...).</summary>
    public static IEnumerable<string> Devices()
    {
        var count = (int)NativeApi.ggml_backend_dev_count();
        for (var i = 0; i < count; i++)
            yield return Marshal.PtrToStringUTF8(NativeApi.ggml_backend_dev_name(NativeApi.ggml_backend_dev_get((nuint)i))) ?? "";
    }

    /// <summary>The library LLamaSharp loaded, for the start-up log line.</summary>
    public static string Description =>
        NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata?.ToString() ?? BackendPackage;

    private static string FirstLine(Exception e) => NativeLoad.FirstLine((e.InnerException ?? e).Message);
}
