namespace Harness.Reports.BrowserTests;

/// <summary>The system Chromium the browser tests drive; Playwright's own browser download is never used.</summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// <c>HARNESS_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>. A missing browser
    /// fails the test with what to install, rather than skipping it.
    /// </summary>
    public static string Path()
    {
        var path = Environment.GetEnvironmentVariable("HARNESS_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
            Assert.Fail($"Chromium not found at {path}: install it with `apt-get install -y chromium` (or set HARNESS_CHROMIUM to a Chromium binary).");
        return path;
    }
}
