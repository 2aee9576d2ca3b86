using System.Diagnostics;
using Harness.Plugins;

namespace Harness.Cli.Tests.Packaging;

/// <summary>
/// The harness packaged the .NET way: <c>dotnet pack</c> makes the CLI a .NET tool that carries
/// its plugins and the contract a package plugin authors reference. The tool is installed from
/// the packed output into a temporary tool path (from that folder alone, never a feed), and the
/// installed <c>harness plugins</c> finds the packed plugins and a plugin built outside the
/// repository against the contract package.
/// </summary>
[NonParallelizable]
public class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private string _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "harness-pack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void The_installed_tool_finds_its_packed_plugins_and_a_plugin_built_against_the_contract_package()
    {
        var root = PluginDirectories.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory)
                   ?? throw new AssertionException("No Harness.sln above the test binaries; run the tests from a clone of the repository.");
        var packages = Path.Combine(_directory, "packages");
        // Only the packed folder: the installed tool and the plugin's reference must come from our packages.
        File.WriteAllText(Path.Combine(_directory, "nuget.config"),
            $"""
             <?xml version="1.0" encoding="utf-8"?>
             <configuration>
               <packageSources>
                 <clear />
                 <add key="packed" value="{packages}" />
               </packageSources>
             </configuration>
             """);

        Dotnet(root, "pack", "src/Harness.Abstractions", "-c", Configuration, "--no-build", "-o", packages, "-nologo");
        Dotnet(root, "pack", "src/Harness.Cli", "-c", Configuration, "--no-build", "-o", packages, "-nologo", "-p:ToolPlugins=Replay Retrieval");
        Assert.That(Path.Combine(packages, $"Harness.Cli.{HarnessVersion.Current}.nupkg"), Does.Exist);
        Assert.That(Path.Combine(packages, $"Harness.Abstractions.{HarnessVersion.Current}.nupkg"), Does.Exist);

        var tools = Path.Combine(_directory, "tools");
        Dotnet(_directory, "tool", "install", "Harness.Cli", "--version", HarnessVersion.Current,
            "--tool-path", tools, "--configfile", Path.Combine(_directory, "nuget.config"));

        var plugins = Path.Combine(_directory, "plugins");
        WriteExternalPlugin(Path.Combine(_directory, "Echo"));
        Dotnet(Path.Combine(_directory, "Echo"), "build", "-c", "Release", "-o", Path.Combine(plugins, "Echo"), "-nologo");

        var listing = Run(Path.Combine(tools, "harness"), _directory, "plugins", "--plugins", plugins);

        Assert.That(listing, Does.Contain("Echo 2.3.4"), listing);
        Assert.That(listing, Does.Contain($"Replay {HarnessVersion.Current}"), listing);
        Assert.That(listing, Does.Contain($"Retrieval {HarnessVersion.Current}"), listing);
        Assert.That(listing, Does.Not.Contain("failed to load"), listing);
        // The installed tool looks beside itself, not in the repository it was built from.
        Assert.That(listing, Does.Not.Contain(Path.Combine(root, "bin", "plugins")), listing);
        Assert.That(listing, Does.Not.Contain("Onnx"), "only the plugins named in ToolPlugins are packed:\n" + listing);
    }

    /// <summary>A plugin as its author writes it: the contract from the package, not from this repository.</summary>
    private static void WriteExternalPlugin(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Echo.csproj"),
            $"""
             <Project Sdk="Microsoft.NET.Sdk">
               <PropertyGroup>
                 <TargetFramework>net10.0</TargetFramework>
                 <Nullable>enable</Nullable>
                 <ImplicitUsings>enable</ImplicitUsings>
                 <EnableDynamicLoading>true</EnableDynamicLoading>
                 <Version>2.3.4</Version>
               </PropertyGroup>
               <ItemGroup>
                 <PackageReference Include="Harness.Abstractions" Version="{HarnessVersion.Current}" ExcludeAssets="runtime" />
               </ItemGroup>
             </Project>
             """);
        File.WriteAllText(Path.Combine(folder, "EchoBackendFactory.cs"),
            """
            using Harness.Backends;

            namespace Echo;

            public sealed class EchoBackendFactory : IBackendFactory
            {
                public string Name => "Echo";
                public string Description => "Answers every call with 'null'.";
                public IReadOnlyList<BackendOptionInfo> Options => [];
                public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken) =>
                    throw new BackendException("Echo is a packaging test plugin.");
            }
            """);
    }

    private static void Dotnet(string workingDirectory, params string[] arguments) => Run("dotnet", workingDirectory, arguments);

    private static string Run(string program, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment.Remove(PluginDirectories.EnvironmentVariable);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)} failed:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
