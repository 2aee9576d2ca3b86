using System.CommandLine;
using System.Globalization;
using Harness.Api;
using Harness.Running;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness try "golden hour" --config C [--out DIR] [--image IMG]</c>: asks every backend of a config
/// for the three tools on one typed intent, prints each call's output with the parse verdict a run
/// would give it and the latency, and writes the renders (<see cref="EvaluationCatalog.TryIntentAsync"/>).
/// Exit 0 when at least one backend answered, 1 when none did, 2 for bad input.
/// </summary>
internal static class TryCommand
{
    public static Command Create()
    {
        var intent = new Argument<string>("INTENT") { Description = "The user's words, e.g. \"golden hour\"." };
        var config = new Option<string>("--config") { Description = "The evaluation config (YAML) whose backends answer.", Required = true };
        var output = new Option<string?>("--out") { Description = "The folder of the renders (<label>/<photo>.png); default: reports/try/<UTC yyyyMMdd-HHmmss>." };
        var image = new Option<string?>("--image") { Description = "Render on this photo (its own resolution) instead of the config's image_metric photos." };
        var plugins = PluginsCommand.PluginsOption();
        var command = new Command("try", "Ask every backend of a config for the three tools on one typed intent: print the calls, their parse verdicts and latency, and write the renders.");
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
            var result = await harness.Evaluation.TryIntentAsync(evalConfig, parse.GetValue(intent) ?? "", options, cancellationToken);
            Print(result, stdout);
            return result.AnyAnswered ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static void Print(IntentTryResult result, TextWriter stdout)
    {
        stdout.WriteLine($"intent: \"{result.Intent}\"; renders on {(result.Photos.IsEmpty ? "no photos" : string.Join(", ", result.Photos))} -> {result.OutputDirectory}");
        if (result.PhotoNote is not null) stdout.WriteLine($"note: {result.PhotoNote}");
        foreach (var backend in result.Backends)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{backend.Label} ({backend.Plugin}): {Headline(backend)}");
            foreach (var call in backend.Calls)
            {
                stdout.WriteLine($"  {call.Tool.WireName()}: {call.Verdict}");
                if (call.Text is not null) stdout.WriteLine($"    {call.Text.ReplaceLineEndings(" ")}");
            }
            if (!backend.Renders.IsEmpty)
                stdout.WriteLine($"  renders: {Path.GetDirectoryName(backend.Renders[0])}{Path.DirectorySeparatorChar} ({backend.Renders.Length} PNG{(backend.Renders.Length == 1 ? "" : "s")})");
            if (backend.Outcome == BackendTryOutcome.Answered && backend.Message is not null)
                stdout.WriteLine($"  note: {backend.Message}");
        }
        stdout.WriteLine();
        var answered = result.Backends.Count(b => b.Outcome == BackendTryOutcome.Answered);
        stdout.WriteLine($"{answered} of {result.Backends.Length} backend{(result.Backends.Length == 1 ? "" : "s")} answered");
    }

    private static string Headline(BackendTry backend) => backend.Outcome switch
    {
        BackendTryOutcome.Answered => string.Create(CultureInfo.InvariantCulture,
            $"answered in {backend.LatencyMs:0.0} ms (one call for the three tools; started in {backend.StartSeconds:0.00} s)"),
        BackendTryOutcome.ReplaysOnly => $"cannot answer a new intent: {backend.Message}",
        _ => $"did not answer: {backend.Message}",
    };
}
