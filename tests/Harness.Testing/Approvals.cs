using System.Runtime.CompilerServices;
using System.Text;

namespace Harness.Testing;

/// <summary>
/// Approved-output checks: the expected file lives in <c>Approved/</c> beside the test; when the
/// output differs (or no approved file exists yet) the output is written next to it as
/// <c>NAME.received.EXT</c> and the test fails. Accept a change by renaming received to approved.
/// </summary>
public static class Approvals
{
    public static void Verify(string received, string approvedName, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        var approvedPath = Path.Combine(directory, approvedName);
        var receivedPath = Path.Combine(directory, Path.GetFileNameWithoutExtension(approvedName).Replace(".approved", "") + ".received" + Path.GetExtension(approvedName));
        received = received.Replace("\r\n", "\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}; wrote {receivedPath}. Review it and rename it to approve."
            : $"Output differs from {approvedPath}; wrote {receivedPath}. Diff them; rename received to approved if the change is right.");
    }
}
