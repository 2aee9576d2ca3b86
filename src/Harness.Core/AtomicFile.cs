using System.Text;

namespace Harness;

/// <summary>
/// Writes a file so that a reader, or a process killed half way, sees either the old file or the
/// new one, never a part: the bytes go to a temporary file in the same folder, are flushed to the
/// disk, and the temporary file is renamed over the old one. Every file the harness rewrites
/// (run.json, metrics.json, the reports) goes through here.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM).</summary>
    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WriteAllText(path, text);
        return Task.CompletedTask;
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var bytesCopy = bytes.ToArray();
        Write(path, stream => stream.Write(bytesCopy));
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes to the stream it is given.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Target(Path.GetFullPath(path));
        if (IsDevice(full))
        {
            // A device (/dev/null, /dev/full) cannot be replaced, and must not be: write to it, and let its error surface.
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write);
            write(device);
            device.Flush();
            return;
        }
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    // A symbolic link is followed: the file it points to is replaced, the link stays.
    private static string Target(string path) =>
        new FileInfo(path) is { LinkTarget: not null } link && link.ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? target.FullName
            : path;

    private static bool IsDevice(string path) =>
        !OperatingSystem.IsWindows() && path.StartsWith("/dev/", StringComparison.Ordinal) && File.Exists(path);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless and named as such.
        }
    }
}
