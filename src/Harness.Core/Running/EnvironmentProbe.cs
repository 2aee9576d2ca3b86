using System.Diagnostics;
using System.Runtime.InteropServices;
using Harness.Runs;

namespace Harness.Running;

/// <summary>Finds out where a run happens: OS, CPU, GPU (if any), .NET, harness version and git commit.</summary>
public static class EnvironmentProbe
{
    /// <param name="workingDirectory">A folder inside the repository whose commit is recorded.</param>
    public static RunEnvironment Capture(string workingDirectory) => new(
        RuntimeInformation.OSDescription,
        CpuName(),
        Environment.ProcessorCount,
        GpuName(),
        Environment.Version.ToString(),
        HarnessVersion.Current,
        Run("git", $"-C \"{workingDirectory}\" rev-parse HEAD"));

    private static string CpuName()
    {
        if (File.Exists("/proc/cpuinfo"))
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER")
            ?? Run("sysctl", "-n machdep.cpu.brand_string")
            ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string? GpuName()
    {
        var smi = Run("nvidia-smi", "--query-gpu=name,driver_version --format=csv,noheader");
        if (!string.IsNullOrWhiteSpace(smi)) return string.Join("; ", smi.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        const string nvidia = "/proc/driver/nvidia/gpus";
        if (!Directory.Exists(nvidia)) return null;
        var models = Directory.GetDirectories(nvidia)
            .Select(d => Path.Combine(d, "information"))
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Where(l => l.StartsWith("Model:", StringComparison.Ordinal))
            .Select(l => l["Model:".Length..].Trim())
            .ToList();
        return models.Count > 0 ? string.Join("; ", models) : "NVIDIA (model unknown)";
    }

    // A missing tool or a failing command means "unknown", never an error.
    private static string? Run(string fileName, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            var text = output.Result.Trim();
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
