using System.Runtime.InteropServices;
using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>
/// The loaded llama.cpp build (CPU or CUDA). llama.cpp keeps process-wide state
/// (backends, log), so one build is loaded per process and shared by every backend.
/// </summary>
internal sealed unsafe class LlamaLibrary
{
    /// <summary>The llama.cpp version this binding's structs were laid out from.</summary>
    public const string ExpectedVersion = "0.5.0";

    public const string InstallHint = "run native/llama-cpp/install.sh (add --cuda for the GPU build), then rebuild plugins/LlamaCpp";

    private static readonly Lock s_gate = new();
    private static LlamaLibrary? s_loaded;

    private LlamaLibrary(string directory, string libraryPath, LlamaApi api)
    {
        Directory = directory;
        LibraryPath = libraryPath;
        Api = api;
    }

    /// <summary>The folder holding libllama and the ggml backends.</summary>
    public string Directory { get; }

    public string LibraryPath { get; }

    public LlamaApi Api { get; }

    /// <summary>True when ggml registered a CUDA backend with at least one device.</summary>
    public bool HasCuda => FindBackend("CUDA");

    /// <summary>
    /// Finds and loads libllama: <paramref name="explicitPath"/> (option <c>llama_library</c>,
    /// a file or folder), else <c>HARNESS_LLAMA_LIBRARY</c>, else the plugin folder
    /// (its <c>cuda/</c> subfolder for the GPU build).
    /// </summary>
    public static LlamaLibrary Load(string? explicitPath, string pluginDirectory, bool cuda)
    {
        var candidates = Candidates(explicitPath, pluginDirectory, cuda);
        var path = candidates.Select(FindLibrary).FirstOrDefault(p => p is not null);
        if (path is null)
        {
            var where = string.Join(", ", candidates);
            throw new BackendException(cuda
                ? $"LlamaCpp: option 'device' is cuda but the CUDA build of llama.cpp was not found (looked in {where}); run native/llama-cpp/install.sh --cuda on a machine with an NVIDIA GPU, then rebuild plugins/LlamaCpp, or use device: cpu."
                : $"LlamaCpp: libllama was not found (looked in {where}); {InstallHint}, or set option 'llama_library' / HARNESS_LLAMA_LIBRARY.");
        }
        lock (s_gate)
        {
            if (s_loaded is not null)
            {
                if (s_loaded.LibraryPath != path)
                    throw new BackendException($"LlamaCpp: {s_loaded.LibraryPath} is already loaded in this process; one llama.cpp build per run (cannot also load {path}).");
                return s_loaded;
            }
            s_loaded = Open(path);
            return s_loaded;
        }
    }

    private static List<string> Candidates(string? explicitPath, string pluginDirectory, bool cuda)
    {
        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitPath)) list.Add(explicitPath);
        else if (Environment.GetEnvironmentVariable("HARNESS_LLAMA_LIBRARY") is { Length: > 0 } env) list.Add(env);
        else list.Add(cuda ? Path.Combine(pluginDirectory, "cuda") : pluginDirectory);
        return list;
    }

    private static string? FindLibrary(string fileOrFolder)
    {
        if (File.Exists(fileOrFolder)) return Path.GetFullPath(fileOrFolder);
        if (!System.IO.Directory.Exists(fileOrFolder)) return null;
        return System.IO.Directory.EnumerateFiles(fileOrFolder, "libllama*.so")
            .Where(f => !Path.GetFileName(f).StartsWith("libllama-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static LlamaLibrary Open(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        nint llama, ggml;
        try
        {
            llama = NativeLibrary.Load(path);
            var ggmlPath = System.IO.Directory.EnumerateFiles(directory, "libggml*.so")
                .FirstOrDefault(f => Path.GetFileName(f).StartsWith("libggml.", StringComparison.Ordinal)) // libggml.v0.5.0.so, libggml.cuda.v0.5.0.so
                ?? throw new BackendException($"LlamaCpp: {directory} has libllama but no libggml; {InstallHint}.");
            ggml = NativeLibrary.Load(ggmlPath);
        }
        catch (DllNotFoundException e)
        {
            throw new BackendException($"LlamaCpp: {path} will not load ({FirstLine(e.Message)}); {InstallHint}.", e);
        }
        LlamaApi api;
        try
        {
            api = new LlamaApi(llama, ggml);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new BackendException($"LlamaCpp: {path} is not llama.cpp {ExpectedVersion} ({FirstLine(e.Message)}); {InstallHint}.", e);
        }
        var version = Marshal.PtrToStringUTF8((nint)api.Version()) ?? "";
        if (version != ExpectedVersion && !version.StartsWith(ExpectedVersion + "-", StringComparison.Ordinal))
            throw new BackendException($"LlamaCpp: {path} is llama.cpp {version}, but this plugin is laid out for {ExpectedVersion} (node-llama-cpp 3.22.1); {InstallHint}.");
        api.LogSet(LlamaLog.Callback, 0);
        api.BackendInit();
        var dir = System.Text.Encoding.UTF8.GetBytes(directory + "\0");
        fixed (byte* d = dir) api.BackendLoadAllFromPath(d);
        if (api.BackendDevCount() == 0)
            throw new BackendException($"LlamaCpp: no ggml backend in {directory} works on this machine ({LlamaLog.TakeLastErrors()}); {InstallHint}.");
        return new LlamaLibrary(directory, path, api);
    }

    private bool FindBackend(string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* n = bytes) return Api.BackendRegByName(n) != 0;
    }

    /// <summary>What llama.cpp reports about the CPU features it was built and runs with.</summary>
    public string SystemInfo => Marshal.PtrToStringUTF8((nint)Api.PrintSystemInfo()) ?? "";

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
