using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Harness.Core.Tests.Reports;

/// <summary>
/// Approved-output checks: the expected file lives beside the tests in <c>Approved/</c>; on a
/// mismatch the received text is written next to it as <c>&lt;Name&gt;.received.&lt;ext&gt;</c> to diff
/// and, once reviewed, rename over the approved file.
/// </summary>
public static class Approvals
{
    public static void Verify(string name, string extension, string received, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(caller)!, "Approved");
        var approvedPath = Path.Combine(folder, $"{name}.approved.{extension}");
        var receivedPath = Path.Combine(folder, $"{name}.received.{extension}");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : null;
        if (approved is not null && approved.ReplaceLineEndings("\n") == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}; review {receivedPath} and rename it to approve."
            : $"Output differs from {approvedPath}; compare with {receivedPath} and rename it over the approved file if the change is intended.");
    }

    /// <summary>Runs <paramref name="render"/> with <paramref name="culture"/> as the current culture.</summary>
    public static T InCulture<T>(string culture, Func<T> render)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
