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
    private static readonly Lock Gate = new();
    private static readonly StringBuilder Pending = new();
    private static readonly Queue<string> LastErrors = new();
    private static Action<string>? _sink;
    private static LLamaLogLevel _minimum = LLamaLogLevel.None;
    private static LLamaLogLevel _pendingLevel;

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
        lock (Gate)
        {
            _sink = sink;
            _minimum = minimum;
        }
    }

    /// <summary>The last few error or warning lines, oldest first, and forgets them.</summary>
    public static string TakeLastErrors()
    {
        lock (Gate)
        {
            var text = string.Join(" | ", LastErrors);
            LastErrors.Clear();
            return text;
        }
    }

    private static void OnLog(LLamaLogLevel level, string piece)
    {
        lock (Gate)
        {
            // Continue carries on the previous line at its level.
            if (level != LLamaLogLevel.Continue) _pendingLevel = level;
            Pending.Append(piece);
            if (!piece.EndsWith('\n')) return;
            var line = Pending.ToString().TrimEnd();
            Pending.Clear();
            if (line.Length == 0) return;
            if (_pendingLevel >= LLamaLogLevel.Warning)
            {
                LastErrors.Enqueue(line);
                while (LastErrors.Count > 3) LastErrors.Dequeue();
            }
            if (_minimum != LLamaLogLevel.None && _pendingLevel >= _minimum)
                _sink?.Invoke("llama.cpp: " + line);
        }
    }
}
