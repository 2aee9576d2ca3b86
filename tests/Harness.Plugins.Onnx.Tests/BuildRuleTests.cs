using System.Diagnostics;

namespace Harness.Plugins.Onnx.Tests;

/// <summary>The repository's build rule that one build output never carries two native ONNX Runtimes.</summary>
public class BuildRuleTests
{
    [Test]
    public async Task A_project_with_the_CPU_and_a_GPU_package_does_not_build()
    {
        // Under the repository, so that its Directory.Build.targets and central package versions apply.
        var folder = Path.Combine(Fixture.RepoRoot, "artifacts", "onnx-build-rule-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "Both.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <PackageReference Include="Microsoft.ML.OnnxRuntime" />
                    <PackageReference Include="Microsoft.ML.OnnxRuntime.Gpu.Linux" />
                  </ItemGroup>
                </Project>
                """);
            var (exitCode, output) = await DotnetAsync(folder, "msbuild", "-restore", "-t:ResolvePackageAssets", "-nologo", "-v:q", "Both.csproj");
            Assert.That(exitCode, Is.Not.Zero, output);
            Assert.That(output, Does.Contain("resolves both the CPU ONNX Runtime (Microsoft.ML.OnnxRuntime) and a GPU one (Microsoft.ML.OnnxRuntime.Gpu.Linux)")
                .And.Contain("-p:OnnxRuntimeDevice=cpu|cuda"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host's MSBuild variables would point the child build at the test's own SDK state.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" }) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
