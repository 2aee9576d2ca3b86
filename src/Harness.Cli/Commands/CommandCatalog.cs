using System.CommandLine;

namespace Harness.Cli.Commands;

/// <summary>Every <c>harness</c> subcommand, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return DatagenCommand.Create();
        yield return ValidateCommand.Create();
        yield return ScoreCommand.Create();
        yield return MistakesCommand.Create();
        yield return AugmentCommand.Create();
        yield return EvalCommand.Create();
        yield return MergeCommand.Create();
        yield return LaunchCommand.Create();
        yield return CalibrateCommand.Create();
        yield return PluginsCommand.Create();
        yield return ReportCommand.Create();
        yield return CompareCommand.Create();
        yield return BenchCommand.Create();
        yield return GateCommand.Create();
        yield return HistoryCommand.Create();
        yield return BackendHostCommand.Create();
        yield return RenderCommand.Create();
        yield return TryCommand.Create();
    }
}
