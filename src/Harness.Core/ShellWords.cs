namespace Harness;

/// <summary>
/// POSIX shell quoting for the commands the harness prints or writes into scripts: a plain word
/// stays bare, anything else goes in single quotes (a single quote inside becomes <c>'\''</c>).
/// </summary>
public static class ShellWords
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:+,@".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The words as one command line.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
