namespace Harness;

/// <summary>
/// Writing where the user asked (<c>--out</c> of any command). A path that cannot take the output
/// (a file where a folder should be, a folder under a file, no permission, a full disk) is bad
/// input the user can fix, so the file-system exception becomes one <see cref="InputException"/>
/// <c>OPTION PATH: cannot write there (why)</c>. Commands wrap only the step that writes their
/// output, so a failure while reading an input keeps its own message.
/// </summary>
public static class OutputPath
{
    /// <summary>Creates the folder <paramref name="path"/> (and its parents) and checks that a file can be written in it.</summary>
    public static void CheckFolder(string path, string option) =>
        Write(path, option, () =>
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".harness-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
            return true;
        });

    /// <summary>
    /// Runs <paramref name="write"/>, which writes the output at <paramref name="path"/> named by
    /// <paramref name="option"/>; <paramref name="isFile"/> is true when that output is one file, false for a folder.
    /// </summary>
    public static T Write<T>(string path, string option, Func<T> write, bool isFile = false)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, option, ex, isFile);
        }
    }

    /// <summary>As <see cref="Write{T}"/>, for asynchronous writing.</summary>
    public static async Task<T> WriteAsync<T>(string path, string option, Func<Task<T>> write, bool isFile = false)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, option, ex, isFile);
        }
    }

    private static InputException CannotWrite(string path, string option, Exception ex, bool isFile) =>
        new($"{option} {path}: cannot write there ({Reason(path, ex, isFile)}); pass a writable {(isFile ? "file" : "folder")}.", ex);

    // The plain reason where it can be told (the exception's own message says "could not find a part of the path").
    private static string Reason(string path, Exception ex, bool isFile)
    {
        var full = Path.GetFullPath(path);
        if (isFile && Directory.Exists(full)) return "it is a folder";
        for (var at = isFile ? Path.GetDirectoryName(full) : full; at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at)) return at == full ? "it is a file" : $"{at} is a file";
        }

        return ex.Message.ReplaceLineEndings(" ").TrimEnd('.');
    }
}
