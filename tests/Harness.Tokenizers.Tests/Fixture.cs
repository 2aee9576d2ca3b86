using System.Text.Json;

namespace Harness.Tokenizers.Tests;

/// <summary>Paths of the committed fixture student (its tokenizer files and SentencePiece's reference ids).</summary>
internal static class Fixture
{
    public static string RepoRoot => RepositoryRoot.Path;

    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny");

    public static IReadOnlyList<JsonElement> ReadJsonLines(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
