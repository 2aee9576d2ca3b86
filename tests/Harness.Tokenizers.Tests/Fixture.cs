using System.Text.Json;

namespace Harness.Tokenizers.Tests;

/// <summary>Paths of the committed fixture student (its tokenizer files and SentencePiece's reference ids).</summary>
internal static class Fixture
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny");

    public static IReadOnlyList<JsonElement> ReadJsonLines(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Harness.sln not found above the test folder.");
    }
}
