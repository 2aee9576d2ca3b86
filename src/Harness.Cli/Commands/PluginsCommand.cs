using System.CommandLine;
using Harness.Api;
using Harness.Plugins;

namespace Harness.Cli.Commands;

/// <summary><c>harness plugins</c>: lists the backend plugins found, their options, and the ones that failed to load.</summary>
internal static class PluginsCommand
{
    public static Option<string?> PluginsOption() => new("--plugins")
    {
        Description = $"A folder of plugin folders (<Name>/<Name>.dll), searched before ${PluginDirectories.EnvironmentVariable}, <harness>/plugins and <repo>/bin/plugins.",
    };

    public static Command Create()
    {
        var plugins = PluginsOption();
        var command = new Command("plugins", "List the backend plugins found (name, version, description, options) and any that failed to load.");
        command.Options.Add(plugins);
        command.SetAction(parse =>
        {
            var harness = new HarnessContext(new HarnessContextOptions { PluginDirectory = parse.GetValue(plugins) });
            Print(harness.Backends, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Print(BackendOperationsCatalog backends, TextWriter output)
    {
        output.WriteLine($"searched: {string.Join(", ", backends.Directories)}");
        if (backends.All.IsEmpty) output.WriteLine("no backends found; build the plugins (dotnet build Harness.sln) or pass --plugins DIR.");
        foreach (var backend in backends.All)
        {
            output.WriteLine();
            output.WriteLine($"{backend.Name} {backend.Version}  ({backend.Directory})");
            output.WriteLine($"  {backend.Description}");
            output.WriteLine($"  calls at once (concurrency): {(backend.MaxConcurrency == int.MaxValue ? "any, thread-safe" : $"at most {backend.MaxConcurrency}")}");
            if (!backend.Options.IsEmpty) output.WriteLine("  options:");
            foreach (var option in backend.Options)
            {
                var value = option.Required ? "required" : option.DefaultValue!.Length == 0 ? "optional" : $"default: {option.DefaultValue}";
                output.WriteLine($"    {option.Name} ({value}): {option.Description}");
            }
        }
        if (backends.Failures.IsEmpty) return;
        output.WriteLine();
        output.WriteLine("failed to load:");
        foreach (var failure in backends.Failures)
            output.WriteLine($"  {failure.Name} ({failure.Directory}): {failure.Reason}");
    }
}
