namespace Harness.Tests.Support;

/// <summary>The committed tonal-colour splits, found from the repository root above the test binaries.</summary>
internal static class TonalColor
{
    public static string TestSplit => PathOf("test.jsonl");

    public static string TrainSplit => PathOf("train.jsonl");

    /// <summary>The generator's oracle predictions for the test split (the attainable ceiling).</summary>
    public static string TestOracle => PathOf("test.oracle.jsonl");

    private static string PathOf(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) continue;
            var path = Path.Combine(dir.FullName, "datasets", "tonal-color", name);
            if (!File.Exists(path))
                Assert.Fail($"{path} is missing; regenerate it with: dotnet run --project src/Harness.Cli -- datagen --out datasets/tonal-color");
            return path;
        }
        Assert.Fail($"No Harness.sln above {TestContext.CurrentContext.TestDirectory}; run the tests from a clone of the repository.");
        return "";
    }
}
