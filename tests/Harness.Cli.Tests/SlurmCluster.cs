using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Harness.Cli.Tests;

/// <summary>
/// A real single-node Slurm cluster for one test: MUNGE, <c>slurmctld</c> and <c>slurmd</c> on
/// this machine, run as the current user (Slurm accepts a non-root <c>SlurmUser</c> whose jobs are
/// all its own) on free ports, from a configuration in a private temporary folder. Clients find it
/// through <see cref="Environment"/> (<c>SLURM_CONF</c>). Disposing stops the three daemons by their
/// process ids and deletes the folder. Debian's Slurm 22.05 and MUNGE, when missing, fail the test
/// with the command that installs them.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class SlurmCluster : IDisposable
{
    public const string Install = "sudo apt-get install -y slurmctld slurmd slurm-client munge";

    private static readonly string[] Tools = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo"];

    private readonly List<int> _daemons = [];

    private SlurmCluster(string folder) => Folder = folder;

    /// <summary>The folder holding slurm.conf, the state, the logs and the pid files.</summary>
    public string Folder { get; }

    /// <summary>What a client (sbatch, squeue) needs in its environment.</summary>
    public (string Name, string Value)[] Environment => [("SLURM_CONF", Path.Combine(Folder, "slurm.conf"))];

    public static SlurmCluster Start()
    {
        var missing = Tools.Where(t => Find(t) is null).ToList();
        if (missing.Count > 0)
            Assert.Fail($"Slurm and MUNGE are needed for this test ({string.Join(", ", missing)} not found): install Debian's Slurm 22.05 and MUNGE with: {Install}");

        // MUNGE refuses a folder that others can write to: a private one under the (sticky) temporary folder.
        var folder = Path.Combine(Path.GetTempPath(), "harness-slurm-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cluster = new SlurmCluster(folder);
        try
        {
            cluster.Boot();
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
        return cluster;
    }

    private void Boot()
    {
        string In(string name) => Path.Combine(Folder, name);
        Directory.CreateDirectory(In("state"));
        Directory.CreateDirectory(In("spool"));
        File.WriteAllBytes(In("munge.key"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(In("munge.key"), UnixFileMode.UserRead);
        var root = System.Environment.UserName == "root";
        Run(Find("munged")!, [.. root ? ["--force"] : Array.Empty<string>(), $"--socket={In("munge.sock")}", $"--key-file={In("munge.key")}",
            $"--pid-file={In("munged.pid")}", $"--log-file={In("munged.log")}", $"--seed-file={In("munged.seed")}"]);
        _daemons.Add(Pid(In("munged.pid")));

        var host = Output("hostname", "-s").Trim();
        var user = Output("id", "-un").Trim();
        File.WriteAllText(In("slurm.conf"), string.Join('\n',
            "ClusterName=harness-test",
            $"SlurmctldHost={host}",
            $"SlurmUser={user}",
            $"SlurmdUser={user}",
            "AuthType=auth/munge",
            $"AuthInfo=socket={In("munge.sock")}",
            $"StateSaveLocation={In("state")}",
            $"SlurmdSpoolDir={In("spool")}",
            $"SlurmctldPidFile={In("slurmctld.pid")}",
            $"SlurmdPidFile={In("slurmd.pid")}",
            $"SlurmctldPort={FreePort()}",
            $"SlurmdPort={FreePort()}",
            $"SlurmctldLogFile={In("slurmctld.log")}",
            $"SlurmdLogFile={In("slurmd.log")}",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "ReturnToService=2",
            "MpiDefault=none",
            "SwitchType=switch/none",
            "JobCompType=jobcomp/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            string.Create(CultureInfo.InvariantCulture, $"NodeName={host} CPUs={System.Environment.ProcessorCount} RealMemory=1000 State=UNKNOWN"),
            "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP") + "\n");

        Run(Find("slurmctld")!, ["-f", In("slurm.conf")]);
        _daemons.Add(WaitForPid(In("slurmctld.pid")));
        Run(Find("slurmd")!, ["-f", In("slurm.conf")]);
        _daemons.Add(WaitForPid(In("slurmd.pid")));
        WaitUntil(() => Output(Find("sinfo")!, "-h", "-o", "%t").Trim() == "idle", TimeSpan.FromSeconds(60), "the node to be idle (see slurmctld.log, slurmd.log)");
    }

    /// <summary>True when no job is queued or running.</summary>
    public bool Idle => Output(Find("squeue")!, "-h").Trim().Length == 0;

    /// <summary>Waits until <paramref name="done"/> holds, failing the test with the daemons' log tails after <paramref name="limit"/>.</summary>
    public void WaitUntil(Func<bool> done, TimeSpan limit, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > limit)
                Assert.Fail($"waited {limit.TotalSeconds:0} s for {what}\n" + string.Join('\n', new[] { "slurmctld.log", "slurmd.log" }
                    .Select(f => Path.Combine(Folder, f)).Where(File.Exists).Select(f => f + ":\n" + string.Join('\n', File.ReadLines(f).TakeLast(15)))));
            Thread.Sleep(250);
        }
    }

    public void Dispose()
    {
        foreach (var pid in Enumerable.Reverse(_daemons))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(10_000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    private string Output(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args) info.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    // The daemons fork into the background; each is started and its pid file read.
    private void Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in args) info.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"{Path.GetFileName(file)} did not start (exit {process.ExitCode}): {error.Result}");
    }

    private int WaitForPid(string file)
    {
        WaitUntil(() => File.Exists(file) && File.ReadAllText(file).Trim().Length > 0, TimeSpan.FromSeconds(30), file);
        return Pid(file);
    }

    private static int Pid(string file) => int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Daemons live in sbin, which a user's PATH may lack.
    private static string? Find(string tool) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
