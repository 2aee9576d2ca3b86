using System.Globalization;

namespace Harness.Running;

/// <summary>
/// One harness process at a time per run folder: an exclusive, OS-level lock on <c>.lock</c> in the
/// folder (and the holder's pid in <c>.lock.pid</c>), held while the run is evaluated and its reports written. The operating system releases
/// it when the process ends, however it ends, so a lock file left by a killed process never blocks;
/// a second <c>eval</c> (or <c>--resume</c>) of a run that is running is refused.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name inside the run folder.</summary>
    public const string FileName = ".lock";

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="runDirectory"/> (created if missing).</summary>
    /// <exception cref="InputException">Another process holds it.</exception>
    public static RunLock Acquire(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        var path = Path.Combine(runDirectory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InputException($"{runDirectory}: another harness process{Holder(path)} is running this run; wait for it to finish or stop it, then run again (with --resume to continue it).");
        }
        // Who holds it, for the message another process prints (the locked file itself cannot be read while held).
        AtomicFile.WriteAllText(path + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new RunLock(stream);
    }

    private static string Holder(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path + ".pid").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? $" (pid {pid})" : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public void Dispose() => _stream.Dispose();
}
