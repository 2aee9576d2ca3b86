using System.CommandLine;

namespace Harness.Cli.Commands;

/// <summary><c>harness version</c>: prints the harness version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the harness version.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(Harness.HarnessVersion.Current);
            return ExitCodes.Success;
        });
        return command;
    }
}
