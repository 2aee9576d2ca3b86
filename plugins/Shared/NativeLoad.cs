namespace Harness.Plugins.Shared;

/// <summary>
/// How a plugin that carries a native engine (Onnx, TorchSharp, LlamaCpp) tells that the engine
/// would not load and says so in one line, so that the user reads a reason and a remedy, not a stack trace.
/// </summary>
internal static class NativeLoad
{
    /// <summary>True for the exceptions .NET throws when a native library, an entry point in it or the type that binds it will not load.</summary>
    public static bool Failed(Exception e) =>
        e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException;

    /// <summary>The first line of an engine's message (often many lines), for a one-line <see cref="Harness.Backends.BackendException"/>.</summary>
    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
