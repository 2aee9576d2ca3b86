using System.CommandLine;
using System.Globalization;
using Harness.Api;
using Harness.Running;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness try "golden hour" --config eval.yaml [--out DIR] [--image IMG]</c>: every backend of the
/// config on one typed intent — its three tool calls with their parse verdicts, the call's latency —
/// and its settings rendered as PNGs under <c>DIR/&lt;label&gt;/</c> (default <c>reports/try/&lt;UTC time&gt;</c>).
/// Exit 0 when at least one backend answered, 2 when none did or on bad input.
/// </summary>
internal static class TryCommand
{
    public static Command Create()
    {
        var intent = new Argument<string>("INTENT") { Description = "The user's words, e.g. \"golden hour\"." };
        var config = new Option<string>("--config") { Description = "The evaluation config whose backends answer (YAML), e.g. eval.yaml.", Required = true };
        var output = new Option<string?>("--out") { Description = "The folder for the renders, <label>/<photo>.png (default: reports/try/<UTC yyyyMMdd-HHmmss>)." };
        var image = new Option<string?>("--image") { Description = "One photo to render on, at its own resolution (default: the config's image_metric photos, else datasets/images)." };
        var plugins = PluginsCommand.PluginsOption();
        var command = new Command("try", "Ask every backend of a config for the three tools on one typed intent: the calls, their parse verdicts, the latency, and the renders.");
        command.Arguments.Add(intent);
        foreach (var option in new Option[] { config, output, image, plugins })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var harness = new HarnessContext(new HarnessContextOptions { PluginDirectory = parse.GetValue(plugins) });
            var evalConfig = harness.Evaluation.LoadConfig(parse.GetValue(config)!);
            var options = new IntentTryOptions { OutputDirectory = parse.GetValue(output), Image = parse.GetValue(image), Log = stderr.WriteLine };
            var result = await harness.Evaluation.TryIntentAsync(evalConfig, parse.GetValue(intent)!, options, cancellationToken);
            Print(result, stdout);
            if (result.AnyAnswered) return ExitCodes.Success;
            stderr.WriteLine($"error: no backend of {parse.GetValue(config)} answered \"{result.Intent}\" (see each one's reason above).");
            return ExitCodes.InputError;
        });
        return command;
    }

    private static void Print(IntentTryResult result, TextWriter stdout)
    {
        var folder = Shown(result.OutputDirectory);
        stdout.WriteLine($"intent \"{result.Intent}\": {result.Backends.Length} backend(s); renders on {(result.Photos.IsEmpty ? "no photos" : string.Join(", ", result.Photos))} -> {folder}");
        if (result.PhotoNote is { } note) stdout.WriteLine($"note: {note}");
        foreach (var backend in result.Backends)
        {
            stdout.WriteLine();
            var head = $"{backend.Label} ({backend.Plugin})";
            if (backend.StartSeconds is { } start && backend.LatencyMs is { } latency)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{head}: started in {start:0.00} s; the three calls took {latency:0.0} ms (one call, the first after starting){(backend.Outcome == BackendTryOutcome.Answered ? "" : " FAILED")}"));
            else
                stdout.WriteLine($"{head}: {(backend.Outcome == BackendTryOutcome.ReplaysOnly ? "does not answer new intents" : "FAILED")}: {backend.Message}");
            foreach (var call in backend.Calls)
            {
                stdout.WriteLine($"  {call.Tool.WireName(),-16} {(call.Text is null ? "(no output)" : call.Text.ReplaceLineEndings("\\n"))}");
                stdout.WriteLine($"  {"",-16} -> {call.Verdict}");
            }
            if (backend.Outcome == BackendTryOutcome.Answered && backend.Message is { } problem) stdout.WriteLine($"  problem: {problem}");
            if (backend.Outcome == BackendTryOutcome.Failed && backend.Calls.Length > 0) stdout.WriteLine($"  {backend.Message}");
            if (!backend.Renders.IsEmpty) stdout.WriteLine($"  renders: {Path.Combine(folder, backend.Label)}/ ({backend.Renders.Length} PNG)");
        }
        stdout.WriteLine();
        var answered = result.Backends.Count(b => b.Outcome == BackendTryOutcome.Answered);
        var replays = result.Backends.Count(b => b.Outcome == BackendTryOutcome.ReplaysOnly);
        var failed = result.Backends.Count(b => b.Outcome == BackendTryOutcome.Failed);
        stdout.WriteLine($"{answered} answered, {replays} replay only, {failed} failed; renders in {folder}");
    }

    // The folder as the user would type it: relative to the current directory when it lies under it.
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
