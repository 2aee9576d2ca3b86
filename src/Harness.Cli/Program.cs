using System.CommandLine;
using Harness;
using Harness.Backends;
using Harness.Cli;
using Harness.Cli.Commands;

var root = new RootCommand("Evaluates small student models against a teacher LLM on the tonal-colour tool-calling task.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

try
{
    return await root.Parse(args).InvokeAsync();
}
catch (Exception ex) when (ex is InputException or BackendException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return ExitCodes.InputError;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled: finished work was kept.");
    return ExitCodes.Cancelled;
}
catch (Exception ex) when (Environment.GetEnvironmentVariable("HARNESS_DEBUG") is null)
{
    Console.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message} (set HARNESS_DEBUG=1 for the stack trace, and please report it)");
    return ExitCodes.InternalError;
}
