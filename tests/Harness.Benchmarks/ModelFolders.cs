namespace Harness.Benchmarks;

/// <summary>The models benchmarked: the committed fixture, the shipped student's ONNX export, and the FlanT5-base-sized random export when it has been made.</summary>
internal static class ModelFolders
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Path(string model) => model switch
    {
        "fixture" => System.IO.Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny", "split"),
        "student" => System.IO.Path.Combine(RepoRoot, "models", "flan-t5-student", "onnx"),
        "base" => System.IO.Path.Combine(RepoRoot, "artifacts", "flan-t5-base-random", "split"),
        _ => throw new ArgumentException($"unknown model {model}", nameof(model)),
    };

    public static IEnumerable<string> Available()
    {
        yield return "fixture";
        yield return "student";
        if (Directory.Exists(Path("base"))) yield return "base";
        else Console.WriteLine("note: no FlanT5-base-sized export; make it with /usr/bin/python3 tools/onnx-fixture/make_fixture.py --size base --out artifacts/flan-t5-base-random");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Harness.sln not found above the benchmark folder.");
    }
}
