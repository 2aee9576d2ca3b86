using System.CommandLine;
using System.Text;
using Harness.Running.Isolation;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness backend-host</c> (hidden): the child process of a backend with <c>isolation: process</c>.
/// Serves one plugin's backend over its standard streams (<see cref="BackendHostServer"/>); the
/// harness starts it, and people never need to.
/// </summary>
internal static class BackendHostCommand
{
    public static Command Create()
    {
        var folder = new Option<string>("--plugin-folder") { Description = "The plugin folder (holding <Name>.dll).", Required = true };
        var backend = new Option<string>("--backend") { Description = "The backend name.", Required = true };
        var command = new Command("backend-host", "Serve one backend to a parent harness over standard input and output.") { Hidden = true };
        command.Options.Add(folder);
        command.Options.Add(backend);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The protocol owns the real standard output; what the plugin prints through Console goes to standard error.
            var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
            Console.SetOut(Console.Error);
            using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return await BackendHostServer.RunAsync(parse.GetValue(folder)!, parse.GetValue(backend)!, input, protocol, cancellationToken);
        });
        return command;
    }
}
