using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harness.Running.Sharding;

/// <summary>
/// <c>harness launch k8s</c>: writes <c>RUN/k8s/jobs.yaml</c>, an Indexed Job (<c>completionMode:
/// Indexed</c>, one shard per index from <c>JOB_COMPLETION_INDEX</c>, a failed index retried on its own
/// with <c>backoffLimitPerIndex</c>) and a merge Job that waits for every shard's done file and merges.
/// Kubernetes has no dependency between Jobs, so the merge waits on the shared volume, which every
/// pod mounts at the path the run folder has here. A GPU per shard (<c>nvidia.com/gpu: 1</c>) when a
/// backend asks for <c>device: cuda</c>. Deleting and applying the file again resumes: finished shards
/// exit at once, started ones continue with <c>--resume</c>.
/// </summary>
public static class KubernetesLauncher
{
    public const string ManifestFile = "jobs.yaml";

    /// <summary>Seconds the merge Job waits between looks at the shards.</summary>
    public const int MergePollSeconds = 15;

    /// <summary>Writes the manifest and returns its path.</summary>
    /// <param name="plan">The run.</param>
    /// <param name="image">The container image with the harness (and its plugins) in it.</param>
    /// <param name="claim">The PersistentVolumeClaim holding the config, datasets and run folder.</param>
    /// <param name="mountPath">Where the claim is mounted in every pod: the folder the config and run folder lie under, the same path as here.</param>
    public static string Write(LaunchPlan plan, string image, string claim, string mountPath)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrWhiteSpace(image)) throw new InputException("--image: give the container image that holds the harness, e.g. registry.example.com/harness:1.0.");
        if (string.IsNullOrWhiteSpace(claim)) throw new InputException("--claim: give the PersistentVolumeClaim that holds the config, the datasets and the run folder.");
        var mount = Path.GetFullPath(mountPath);
        foreach (var (what, under) in new[] { ("--config", plan.Config.SourcePath), ("dataset", plan.Config.Dataset), ("--out", plan.RunDirectory) })
        {
            if (!IsUnder(under, mount))
                throw new InputException($"{what} {under}: not under --mount {mount}; every pod sees only the volume mounted there, so the config, its dataset and the run folder must lie under it.");
        }

        var name = JobName(plan.RunId);
        var count = plan.Shards.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# harness run {plan.RunId}: {count} shards as an Indexed Job, then the merge Job.\n");
        text.Append("# Apply: kubectl apply -f jobs.yaml. Resume after a failure: kubectl delete -f jobs.yaml, then apply again\n");
        text.Append("# (finished shards exit at once; started ones continue with --resume).\n");
        text.Append("apiVersion: batch/v1\nkind: Job\nmetadata:\n");
        text.Append(CultureInfo.InvariantCulture, $"  name: {name}-shards\n  labels:\n    app.kubernetes.io/name: harness\n    harness/run: {Y(plan.RunId)}\n");
        text.Append("spec:\n  completionMode: Indexed\n");
        text.Append(CultureInfo.InvariantCulture, $"  completions: {count}\n  parallelism: {count}\n");
        text.Append("  backoffLimitPerIndex: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n");
        Container(text, "shard", image, plan.ShardScript("JOB_COMPLETION_INDEX"), mount, plan.NeedsGpu);
        Volume(text, claim);
        text.Append("---\napiVersion: batch/v1\nkind: Job\nmetadata:\n");
        text.Append(CultureInfo.InvariantCulture, $"  name: {name}-merge\n  labels:\n    app.kubernetes.io/name: harness\n    harness/run: {Y(plan.RunId)}\n");
        text.Append("spec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n");
        var wait = string.Join('\n',
            "while :; do",
            Indent(plan.MissingShardsScript()),
            "  [ -z \"$missing\" ] && break",
            $"  echo \"waiting for shards $missing of {count}\"",
            $"  sleep {MergePollSeconds.ToString(CultureInfo.InvariantCulture)}",
            "done");
        Container(text, "merge", image, wait + "\n" + plan.MergeScript(), mount, gpu: false);
        Volume(text, claim);

        var directory = Path.Combine(plan.RunDirectory, "k8s");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ManifestFile);
        AtomicFile.WriteAllText(path, text.ToString());
        return path;
    }

    private static void Container(StringBuilder text, string name, string image, string script, string mount, bool gpu)
    {
        text.Append(CultureInfo.InvariantCulture, $"        - name: {name}\n          image: {Y(image)}\n");
        text.Append(CultureInfo.InvariantCulture, $"          command: [\"/bin/sh\", \"-c\", {Y(script)}]\n");
        if (gpu)
            text.Append("          resources:\n            requests:\n              nvidia.com/gpu: 1\n            limits:\n              nvidia.com/gpu: 1\n");
        text.Append(CultureInfo.InvariantCulture, $"          volumeMounts:\n            - name: work\n              mountPath: {Y(mount)}\n");
    }

    private static void Volume(StringBuilder text, string claim) =>
        text.Append(CultureInfo.InvariantCulture, $"      volumes:\n        - name: work\n          persistentVolumeClaim:\n            claimName: {Y(claim)}\n");

    // A YAML double-quoted scalar: JSON's string syntax is one.
    private static string Y(string value) => JsonSerializer.Serialize(value, Options);

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Indent(string lines) => string.Join('\n', lines.Split('\n').Select(l => "  " + l));

    // A Job name is a DNS label: lower-case letters, digits and '-', at most 63 characters with the suffix.
    private static string JobName(string runId)
    {
        var name = new string([.. runId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        name = "harness-" + (name.Length == 0 ? "run" : name);
        return name[..Math.Min(name.Length, 63 - "-shards".Length)].TrimEnd('-');
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
