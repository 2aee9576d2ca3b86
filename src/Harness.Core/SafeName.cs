using System.Globalization;
using System.Text;

namespace Harness;

/// <summary>
/// The one rule for the names the harness makes folders of and prints in reports: backend
/// labels, run ids and scenario names, wherever they are read (a config, the command line, a
/// run folder's run.json or metrics.json). A safe name is 1 to <see cref="MaxLength"/> letters,
/// digits, <c>-</c>, <c>_</c> and <c>.</c>, and not <c>.</c> or <c>..</c>: joined to a folder
/// it stays inside it, and it holds no control character, markup or path separator.
/// </summary>
public static class SafeName
{
    /// <summary>The longest name allowed, well inside every file system's limit for one folder name.</summary>
    public const int MaxLength = 100;

    /// <summary>The rule in words, for messages.</summary>
    public const string Rule = "1 to 100 letters, digits, '-', '_' or '.', and not '.' or '..'";

    /// <summary>True when <paramref name="name"/> is a safe name.</summary>
    public static bool IsSafe(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name is not ("." or "..") && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>
    /// Returns <paramref name="name"/> when it is safe; otherwise throws an <see cref="InputException"/>
    /// <c>WHERE: 'NAME' must be a folder-safe name (...)</c>, the name shown with its control characters escaped
    /// so the message stays on one line. <paramref name="hint"/>, when given, ends the message.
    /// </summary>
    public static string Check(string? name, string where, string? hint = null)
    {
        if (IsSafe(name)) return name!;
        throw new InputException($"{where}: {Problem(name)}{(hint is null ? "" : "; " + hint)}");
    }

    /// <summary>What is wrong with an unsafe name, as the second half of a message.</summary>
    public static string Problem(string? name) => $"'{Show(name ?? "")}' must be a folder-safe name ({Rule})";

    /// <summary>The name as a message shows it: control and invisible characters escaped (<c>\n</c>, <c>\t</c>, <c>\u0001</c>), at most 120 characters.</summary>
    public static string Show(string name)
    {
        var shown = new StringBuilder();
        foreach (var c in name.Length > 120 ? name[..120] : name)
        {
            shown.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return name.Length > 120 ? shown.Append("...").ToString() : shown.ToString();
    }
}
