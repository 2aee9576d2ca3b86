using System.CommandLine;
using Harness.Api;
using Harness.Running.Sharding;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness launch slurm|k8s --config C --shards n [--out RUN]</c>: writes what runs the config's
/// shards on an existing scheduler and merges them into RUN (<see cref="SlurmLauncher"/>,
/// <see cref="KubernetesLauncher"/>). It submits nothing itself.
/// </summary>
internal static class LaunchCommand
{
    public static Command Create()
    {
        var command = new Command("launch", "Write the scripts that run a config's shards on Slurm (job array) or Kubernetes (Indexed Job), and merge them.");
        command.Subcommands.Add(Slurm());
        command.Subcommands.Add(Kubernetes());
        return command;
    }

    private sealed record Common(Option<string> Config, Option<int> Shards, Option<string?> Out, Option<string> Harness, Option<string?> Plugins)
    {
        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Config, Shards, Out, Harness, Plugins })
                command.Options.Add(option);
        }

        public LaunchPlan Plan(ParseResult parse)
        {
            var config = new HarnessContext().Evaluation.LoadConfig(parse.GetValue(Config)!);
            var output = parse.GetValue(Out) ?? Path.Combine("reports", Path.GetFileNameWithoutExtension(config.SourcePath));
            return LaunchPlan.Create(config, parse.GetValue(Shards), output, parse.GetValue(Harness)!, parse.GetValue(Plugins));
        }
    }

    private static Common Options(string defaultHarness, string harnessHelp) => new(
        new Option<string>("--config") { Description = "The evaluation config (YAML), e.g. eval.yaml.", Required = true },
        new Option<int>("--shards") { Description = "How many shards to split the rows into.", Required = true },
        new Option<string?>("--out") { Description = "The merged run folder; the shards go in <out>/shards/shard-<i> (default: reports/<config name>)." },
        new Option<string>("--harness") { Description = harnessHelp, DefaultValueFactory = _ => defaultHarness },
        PluginsCommand.PluginsOption());

    private static Command Slurm()
    {
        var common = Options(CurrentHarness(), "The command that runs the harness on a node (default: this harness).");
        var command = new Command("slurm", "Write <out>/slurm/: shards.sbatch (a job array, one shard per task), merge.sbatch and submit.sh (submits the missing shards and the merge after them).");
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var plan = common.Plan(parse);
            var files = OutputPath.Write(plan.RunDirectory, "--out", () => SlurmLauncher.Write(plan));
            foreach (var file in files)
                parse.InvocationConfiguration.Output.WriteLine($"wrote {file}");
            parse.InvocationConfiguration.Output.WriteLine($"submit (and, after a failure, resume) with: sh {ShellWords.Quote(files[^1])}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Kubernetes()
    {
        var common = Options("harness", "The command that runs the harness in the image (default: harness).");
        var image = new Option<string>("--image") { Description = "The container image with the harness and its plugins.", Required = true };
        var claim = new Option<string>("--claim") { Description = "The PersistentVolumeClaim holding the config, datasets and run folder (default: harness-work).", DefaultValueFactory = _ => "harness-work" };
        var mount = new Option<string?>("--mount") { Description = "Where every pod mounts the claim: the folder, the same path as here, that holds the config, datasets and run folder (default: the current folder)." };
        var command = new Command("k8s", "Write <out>/k8s/jobs.yaml: an Indexed Job (one shard per index) and a merge Job, with a GPU per shard when a backend has device: cuda.");
        common.AddTo(command);
        foreach (var option in new Option[] { image, claim, mount })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var plan = common.Plan(parse);
            var file = OutputPath.Write(plan.RunDirectory, "--out", () =>
                KubernetesLauncher.Write(plan, parse.GetValue(image)!, parse.GetValue(claim)!, parse.GetValue(mount) ?? Directory.GetCurrentDirectory()));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {file}");
            parse.InvocationConfiguration.Output.WriteLine($"submit with: kubectl apply -f {ShellWords.Quote(file)} (resume: kubectl delete -f, then apply again)");
            return ExitCodes.Success;
        });
        return command;
    }

    // This harness as a command: `dotnet harness.dll` when run through the dotnet host, else its own executable.
    private static string CurrentHarness()
    {
        var process = Environment.ProcessPath ?? "harness";
        var assembly = typeof(LaunchCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && assembly.Length > 0
            ? ShellWords.Join([process, assembly])
            : ShellWords.Quote(process);
    }
}
