using System.Text;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Runtime;

/// <summary>
/// Routes llama.cpp's and ggml's log (one process-wide callback, set through LLamaSharp) to
/// the harness log. Lines at or above the chosen level go to the sink; the last warning and
/// error lines are kept so a failed load can say what llama.cpp complained about.
/// </summary>
internal static class LlamaLog
{
    private static readonly Lock s_gate = new();
    private static readonly StringBuilder s_pending = new();
    private static readonly Queue<string> s_lastErrors = new();
    private static Action<string>? s_sink;
    private static LLamaLogLevel s_minimum = LLamaLogLevel.None;
    private static LLamaLogLevel s_pendingLevel;

    /// <summary>The callback handed to LLamaSharp (it keeps the delegate alive).</summary>
    public static NativeLogConfig.LLamaLogCallback Callback { get; } = OnLog;

    /// <summary>The level names the <c>log_level</c> option takes.</summary>
    public static IReadOnlyList<string> LevelNames { get; } = ["none", "error", "warn", "info", "debug"];

    public static LLamaLogLevel ParseLevel(string name) => name switch
    {
        "error" => LLamaLogLevel.Error,
        "warn" => LLamaLogLevel.Warning,
        "info" => LLamaLogLevel.Info,
        "debug" => LLamaLogLevel.Debug,
        _ => LLamaLogLevel.None,
    };

    public static void Route(Action<string>? sink, LLamaLogLevel minimum)
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

    private static void OnLog(LLamaLogLevel level, string piece)
    {
        lock (s_gate)
        {
            // Continue carries on the previous line at its level.
            if (level != LLamaLogLevel.Continue) s_pendingLevel = level;
            s_pending.Append(piece);
            if (!piece.EndsWith('\n')) return;
            var line = s_pending.ToString().TrimEnd();
            s_pending.Clear();
            if (line.Length == 0) return;
            if (s_pendingLevel >= LLamaLogLevel.Warning)
            {
                s_lastErrors.Enqueue(line);
                while (s_lastErrors.Count > 3) s_lastErrors.Dequeue();
            }
            if (s_minimum != LLamaLogLevel.None && s_pendingLevel >= s_minimum)
                s_sink?.Invoke("llama.cpp: " + line);
        }
    }
}
