using Microsoft.Playwright;

namespace Harness.Reports.BrowserTests;

/// <summary>
/// A page of a file opened in headless system Chromium (<see cref="Chromium"/>), as a reader would
/// open a report: 1280×900, and everything that went wrong collected — console errors, page
/// errors, failed requests — with every request made.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") Errors.Add(message.Text); };
        page.PageError += (_, error) => Errors.Add(error);
        page.RequestFailed += (_, request) => FailedRequests.Add($"{request.Url}: {request.Failure}");
        page.Request += (_, request) => Requests.Add(request.Url);
    }

    public IPage Page { get; }

    /// <summary>Console and page errors.</summary>
    public List<string> Errors { get; } = [];

    public List<string> FailedRequests { get; } = [];

    public List<string> Requests { get; } = [];

    /// <summary>Requests for anything but local files: a report must make none.</summary>
    public IEnumerable<string> OutsideRequests => Requests.Where(u => !u.StartsWith("file://", StringComparison.Ordinal));

    /// <summary>Starts Chromium and opens <paramref name="file"/>, waiting until the network is idle.</summary>
    public static async Task<BrowserPage> OpenAsync(string file)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = new BrowserPage(playwright, browser, await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } }));
        await page.Page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }

    /// <summary>Another page of the same browser on <paramref name="file"/> (its errors are its own).</summary>
    public async Task<BrowserPage> OpenAnotherAsync(string file)
    {
        var page = new BrowserPage(_playwright, _browser, await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } }));
        await page.Page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
