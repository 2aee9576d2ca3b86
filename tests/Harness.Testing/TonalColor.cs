namespace Harness.Testing;

/// <summary>The committed tonal-colour splits, found from the repository root above the test binaries.</summary>
public static class TonalColor
{
    public static string TestSplit => PathOf("test.jsonl");

    public static string TrainSplit => PathOf("train.jsonl");

    /// <summary>The generator's oracle predictions for the test split (the attainable ceiling).</summary>
    public static string TestOracle => PathOf("test.oracle.jsonl");

    /// <summary>The committed filter catalogue of the splits.</summary>
    public static string Filters => PathOf("filters.txt");

    private static string PathOf(string name)
    {
        var path = RepositoryRoot.PathOf("datasets", "tonal-color", name);
        if (!File.Exists(path))
            Assert.Fail($"{path} is missing; regenerate it with: dotnet run --project src/Harness.Cli -- datagen --out datasets/tonal-color");
        return path;
    }
}
