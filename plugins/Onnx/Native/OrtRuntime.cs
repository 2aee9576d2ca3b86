using System.Runtime.InteropServices;
using Harness.Backends;

namespace Harness.Plugins.Onnx.Native;

/// <summary>
/// The loaded ONNX Runtime library: its function table, its version (checked) and the
/// process-wide environment. One per library path, kept for the life of the process
/// (a native library cannot safely be unloaded while ONNX Runtime's threads may run).
/// </summary>
internal sealed unsafe class OrtRuntime
{
    public const string RequiredVersionPrefix = "1.30.";
    public const string InstallHint = "run native/onnxruntime/install.sh and rebuild plugins/Onnx, or point the option 'ort_library' (or HARNESS_ORT_LIBRARY) at libonnxruntime 1.30";
    private static readonly Dictionary<string, OrtRuntime> s_loaded = new(StringComparer.Ordinal);
    private static readonly Lock s_lock = new();

    private OrtRuntime(string path, OrtApi api, string version, nint env)
    {
        LibraryPath = path;
        Api = api;
        Version = version;
        Env = env;
    }

    public string LibraryPath { get; }
    public OrtApi Api { get; }
    public string Version { get; }

    /// <summary>The process-wide OrtEnv (never released: sessions of later backends share it).</summary>
    public nint Env { get; }

    public static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so.1";

    /// <summary>The candidates in lookup order: option, environment variable, plugin folder.</summary>
    public static IReadOnlyList<(string Source, string Path)> Candidates(string? option, string pluginDirectory)
    {
        var list = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(option)) list.Add(("option 'ort_library'", option));
        var env = Environment.GetEnvironmentVariable("HARNESS_ORT_LIBRARY");
        if (!string.IsNullOrWhiteSpace(env)) list.Add(("HARNESS_ORT_LIBRARY", env));
        list.Add(("plugin folder", Path.Combine(pluginDirectory, LibraryFileName)));
        return list;
    }

    /// <summary>Loads the first candidate: an explicit choice (option or variable) that fails is an error, not skipped.</summary>
    public static OrtRuntime Load(string? option, string pluginDirectory)
    {
        var candidates = Candidates(option, pluginDirectory);
        var (source, path) = candidates[0];
        if (!File.Exists(path))
        {
            var looked = string.Join("; ", candidates.Select(c => $"{c.Source}: {c.Path}"));
            throw new BackendException($"ONNX Runtime library not found ({source}: {path}); looked in {looked}. To install it, {InstallHint}.");
        }
        lock (s_lock)
        {
            var full = Path.GetFullPath(path);
            if (s_loaded.TryGetValue(full, out var loaded)) return loaded;
            loaded = LoadFrom(full, source);
            s_loaded[full] = loaded;
            return loaded;
        }
    }

    /// <summary>The function table's layout is only checked for 1.30: any other version is refused.</summary>
    public static void CheckVersion(string version, string path, string source)
    {
        if (!version.StartsWith(RequiredVersionPrefix, StringComparison.Ordinal))
            throw new BackendException($"ONNX Runtime at {path} ({source}) is version {version}, but the Onnx plugin needs {RequiredVersionPrefix}x; {InstallHint}.");
    }

    private static OrtRuntime LoadFrom(string path, string source)
    {
        if (!NativeLibrary.TryLoad(path, out var library))
            throw new BackendException($"ONNX Runtime library at {path} ({source}) would not load (wrong platform or a missing dependency); {InstallHint}.");
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
            throw new BackendException($"{path} ({source}) is not an ONNX Runtime library (no OrtGetApiBase); {InstallHint}.");
        var apiBase = ((delegate* unmanaged<nint*>)getApiBase)();
        var version = Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<byte*>)apiBase[1])()) ?? "?";
        CheckVersion(version, path, source);
        var table = ((delegate* unmanaged<uint, nint>)apiBase[0])(OrtApi.ApiVersion);
        if (table == 0)
            throw new BackendException($"ONNX Runtime at {path} ({source}) does not offer API version {OrtApi.ApiVersion}; {InstallHint}.");
        var api = new OrtApi(table);
        nint env;
        var logId = "harness"u8;
        fixed (byte* id = logId)
        {
            // Logging level 4 = fatal only: every error already reaches the user as one exception message.
            api.Check(api.CreateEnv(4, id, &env));
        }
        return new OrtRuntime(path, api, version, env);
    }
}
