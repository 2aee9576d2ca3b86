using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>
/// Routes llama.cpp's and ggml's log (one process-wide callback) to the harness log.
/// Lines at or above the chosen level go to the sink; the last error lines are kept
/// so a failed load can say what llama.cpp complained about.
/// </summary>
internal static unsafe class LlamaLog
{
    private static readonly Lock s_gate = new();
    private static readonly StringBuilder s_pending = new();
    private static readonly Queue<string> s_lastErrors = new();
    private static Action<string>? s_sink;
    private static LlamaLogLevel s_minimum = LlamaLogLevel.None;
    private static int s_pendingLevel;

    /// <summary>The callback to hand to <c>llama_log_set</c>.</summary>
    public static nint Callback => (nint)(delegate* unmanaged[Cdecl]<int, byte*, nint, void>)&OnLog;

    public static void Route(Action<string>? sink, LlamaLogLevel minimum)
    {
        lock (s_gate)
        {
            s_sink = sink;
            s_minimum = minimum;
        }
    }

    /// <summary>The last few error or warning lines, oldest first, and forgets them.</summary>
    public static string TakeLastErrors()
    {
        lock (s_gate)
        {
            var text = string.Join(" | ", s_lastErrors);
            s_lastErrors.Clear();
            return text;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, nint userData)
    {
        var piece = Marshal.PtrToStringUTF8((nint)text) ?? "";
        lock (s_gate)
        {
            // GGML_LOG_LEVEL_CONT continues the previous line at its level.
            if (level != 5) s_pendingLevel = level;
            s_pending.Append(piece);
            if (!piece.EndsWith('\n')) return;
            var line = s_pending.ToString().TrimEnd();
            s_pending.Clear();
            if (line.Length == 0) return;
            if (s_pendingLevel >= (int)LlamaLogLevel.Warn)
            {
                s_lastErrors.Enqueue(line);
                while (s_lastErrors.Count > 3) s_lastErrors.Dequeue();
            }
            if (s_minimum != LlamaLogLevel.None && s_pendingLevel >= (int)s_minimum)
                s_sink?.Invoke("llama.cpp: " + line);
        }
    }
}

/// <summary>ggml's log levels; <see cref="None"/> keeps the library quiet.</summary>
internal enum LlamaLogLevel
{
    None = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
}
