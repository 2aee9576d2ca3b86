using System.Text;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// One backend's <c>predictions.jsonl</c> in one scenario: each finished call is
/// appended as one line and flushed at once, so Ctrl+C or a crash keeps it. On
/// resume the existing lines are read back and their calls are not made again.
/// </summary>
public sealed class PredictionLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly List<CallRecord> _records;
    private readonly HashSet<(string Id, ToolName Tool)> _done;

    private PredictionLog(string path, List<CallRecord> existing)
    {
        Path = path;
        _records = existing;
        _done = [.. existing.Select(r => (r.IntentId, r.Tool))];
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Every record, the resumed ones first.</summary>
    public IReadOnlyList<CallRecord> Records => _records;

    /// <summary>Records read back from an earlier attempt.</summary>
    public int ResumedCount { get; private init; }

    /// <summary>
    /// Opens the log at <paramref name="path"/>. With <paramref name="resume"/> its
    /// finished lines are kept (a torn last line from a crash is cut off); without,
    /// an existing non-empty file is an error.
    /// </summary>
    public static PredictionLog Open(string path, bool resume)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var existing = new List<CallRecord>();
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            if (!resume) throw new InputException($"{path}: predictions from an earlier run exist; pass --resume to continue it or choose another --run-id.");
            CutTornLine(path);
            var seen = new HashSet<(string, ToolName)>();
            // A call written twice (never expected) keeps its first record.
            existing.AddRange(CallRecordJson.ReadAll(path).Where(r => seen.Add((r.IntentId, r.Tool))));
        }
        return new PredictionLog(path, existing) { ResumedCount = existing.Count };
    }

    /// <summary>True when the call for (<paramref name="intentId"/>, <paramref name="tool"/>) is already recorded.</summary>
    public bool IsDone(string intentId, ToolName tool) => _done.Contains((intentId, tool));

    /// <summary>Appends <paramref name="record"/> and flushes it to the file.</summary>
    public void Append(CallRecord record)
    {
        if (!_done.Add((record.IntentId, record.Tool)))
            throw new InvalidOperationException($"call {record.IntentId}/{record.Tool.WireName()} was recorded twice");
        _writer.Write(CallRecordJson.Serialize(record));
        _writer.Write('\n');
        _writer.Flush();
        _records.Add(record);
    }

    public void Dispose() => _writer.Dispose();

    // A process killed mid-write leaves a last line without its newline: drop it, the call runs again.
    private static void CutTornLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var length = stream.Length;
        var position = length;
        while (position > 0)
        {
            stream.Position = position - 1;
            if (stream.ReadByte() == '\n') break;
            position--;
        }
        if (position < length) stream.SetLength(position);
    }
}
