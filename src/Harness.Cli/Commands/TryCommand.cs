using System.CommandLine;
using System.Globalization;
using Harness.Api;
using Harness.Running;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness try "golden hour" --config C [--out DIR] [--image IMG]</c>: asks every backend of a
/// config for the three tools on one typed intent, prints each raw answer with the verdict a run
/// would record for it, and writes each answer rendered on the photos. Exit 0 when a backend
/// answered, 1 when none did (each says why), 2 for bad input.
/// </summary>
internal static class TryCommand
{
    public static Command Create()
    {
        var intent = new Argument<string>("INTENT") { Description = "The user's words, e.g. \"golden hour\"." };
        var config = new Option<string>("--config") { Description = "The evaluation config (YAML) whose backends to ask.", Required = true };
        var output = new Option<string?>("--out") { Description = "The folder for the renders (<label>/<photo>.png); default: reports/try/<UTC time>." };
        var image = new Option<string?>("--image") { Description = "One photo to render on, at its own resolution; default: the config's image_metric photos, else datasets/images." };
        var plugins = PluginsCommand.PluginsOption();
        var command = new Command("try", "Ask every backend of a config for the three tool calls on one typed intent; print the calls with their parse verdicts and write the renders.");
        command.Arguments.Add(intent);
        foreach (var option in new Option[] { config, output, image, plugins })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var harness = new HarnessContext(new HarnessContextOptions { PluginDirectory = parse.GetValue(plugins) });
            var evalConfig = harness.Evaluation.LoadConfig(parse.GetValue(config)!);
            var options = new IntentTryOptions { OutputDirectory = parse.GetValue(output), Image = parse.GetValue(image) };
            var result = await harness.Evaluation.TryIntentAsync(evalConfig, parse.GetValue(intent)!, options, cancellationToken);
            Print(result, stdout);
            return result.AnyAnswered ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static void Print(IntentTryResult result, TextWriter stdout)
    {
        stdout.WriteLine($"intent: {result.Intent}");
        foreach (var backend in result.Backends)
        {
            stdout.WriteLine();
            switch (backend.Outcome)
            {
                case BackendTryOutcome.ReplaysOnly:
                    stdout.WriteLine($"{backend.Label} ({backend.Plugin}): cannot answer: {backend.Message}");
                    continue;
                case BackendTryOutcome.Failed when backend.Calls.IsEmpty:
                    stdout.WriteLine($"{backend.Label} ({backend.Plugin}): failed: {backend.Message}");
                    continue;
            }
            var timing = backend.LatencyMs is { } ms
                ? string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms for the three calls (cold: the first after loading, {backend.StartSeconds:0.0} s)")
                : "no call made";
            stdout.WriteLine($"{backend.Label} ({backend.Plugin}): {timing}");
            foreach (var call in backend.Calls)
                stdout.WriteLine($"  {call.Tool.WireName(),-16} {call.Text ?? "(no output)"}\n  {"",-16} -> {call.Verdict}");
            if (backend.Message is not null) stdout.WriteLine($"  note: {backend.Message}");
            if (!backend.Renders.IsEmpty)
                stdout.WriteLine($"  rendered: {Path.GetRelativePath(Environment.CurrentDirectory, Path.GetDirectoryName(backend.Renders[0])!)}/ ({string.Join(", ", backend.Renders.Select(Path.GetFileName))})");
        }
        if (result.PhotoNote is not null) stdout.WriteLine($"\nnote: {result.PhotoNote}");
        var answered = result.Backends.Count(b => b.Outcome == BackendTryOutcome.Answered);
        stdout.WriteLine($"\n{answered} of {result.Backends.Length} backends answered; renders in {Path.GetRelativePath(Environment.CurrentDirectory, result.OutputDirectory)}");
    }
}
