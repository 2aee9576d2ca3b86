using Harness.Cli;

return await HarnessApp.RunAsync(args, Console.Out, Console.Error);
