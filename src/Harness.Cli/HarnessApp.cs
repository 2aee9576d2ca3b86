using System.CommandLine;
using Harness.Backends;
using Harness.Cli.Commands;

namespace Harness.Cli;

/// <summary>
/// The <c>harness</c> command line, callable in-process (tests run it with their own writers).
/// Bad input ends as one <c>error: ...</c> message and exit code 2, never a stack trace.
/// </summary>
public static class HarnessApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Evaluates small student models against a teacher LLM on the tonal-colour tool-calling task.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // A mistyped command line is bad input like any other: one line each, exit 2.
                foreach (var error in parseResult.Errors)
                    await stderr.WriteLineAsync($"error: {error.Message}");
                await stderr.WriteLineAsync("run 'harness --help' or 'harness <command> --help' for usage.");
                return ExitCodes.InputError;
            }
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (InputException ex) when (ex.Problems.Count > 1)
        {
            foreach (var problem in ex.Problems)
                await stderr.WriteLineAsync($"error: {problem}");
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is InputException or BackendException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled: finished work was kept.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("HARNESS_DEBUG") is null)
        {
            await stderr.WriteLineAsync($"internal error: {ex.GetType().Name}: {ex.Message} (set HARNESS_DEBUG=1 for the stack trace, and please report it)");
            return ExitCodes.InternalError;
        }
    }
}
