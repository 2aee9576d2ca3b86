using Harness.Datasets;

namespace Harness.Runs;

/// <summary>
/// Finds the dataset a stored result was scored on, for paired comparisons and per-row report
/// detail: <c>--dataset</c> when given, else the <c>dataset.path</c> of the nearest run.json at or
/// above the result folder.
/// </summary>
public static class DatasetLocator
{
    /// <summary>The dataset, or null when no path was given and no run.json names an existing file.</summary>
    public static Dataset? Load(string? explicitPath, IEnumerable<string> resultFolders)
    {
        if (explicitPath is not null) return DatasetLoader.Load(explicitPath);
        foreach (var folder in resultFolders)
        {
            if (FromRunJson(folder) is { } path) return DatasetLoader.Load(path);
        }

        return null;
    }

    private static string? FromRunJson(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var runJson = Path.Combine(dir.FullName, RunLayout.RunFile);
            if (!File.Exists(runJson)) continue;
            string path;
            try
            {
                path = RunManifest.Load(runJson).DatasetPath;
            }
            catch (InputException)
            {
                return null;
            }

            return path.Length == 0 ? null : new[] { path, Path.Combine(dir.FullName, path) }.FirstOrDefault(File.Exists);
        }

        return null;
    }
}
