using System.Text.Json;

namespace Harness.Cli.Tests.BadInput;

/// <summary>
/// A temporary folder holding one valid example of every input the harness reads, which a
/// <see cref="BadInputCase"/> then spoils: <c>test.jsonl</c> and <c>filters.txt</c>, <c>eval.yaml</c>
/// (the Replay teacher over them), <c>preds.jsonl</c> (the teacher's outputs), <c>gate.yaml</c>
/// and <c>run/</c>, a finished run folder of that config.
/// </summary>
internal sealed class BadInputSandbox : IDisposable
{
    /// <summary>The token in arguments, file texts and expected fragments that stands for the sandbox folder.</summary>
    public const string Token = "{d}";

    public const string EvalYaml = """
        dataset: test.jsonl
        scenarios: [offline]
        warmup: 0
        reports: []
        backends:
          - label: teacher
            plugin: Replay
            options: { dataset: test.jsonl }

        """;

    private readonly DatasetFixture _fixture = new();

    private BadInputSandbox()
    {
    }

    public string Directory => _fixture.Directory;

    /// <summary>The valid inputs, with the run folder copied from <paramref name="template"/> when given.</summary>
    public static BadInputSandbox Create(string? template)
    {
        var sandbox = new BadInputSandbox();
        var f = sandbox._fixture;
        var rows = DatasetFixture.SmallSplit();
        f.Write("test.jsonl", rows);
        f.Write("eval.yaml", EvalYaml);
        f.Write("preds.jsonl", [.. rows.Select(TeacherLine)]);
        f.Write("gate.yaml", "min_overall: 0.5");
        if (template is not null) CopyFolder(Path.Combine(template, "run"), f.PathOf("run"));
        return sandbox;
    }

    /// <summary>Makes the case's changes to the valid files.</summary>
    public void Apply(IEnumerable<FileEdit> edits)
    {
        foreach (var edit in edits)
        {
            var path = _fixture.PathOf(edit.Path);
            if (edit.Old is not null)
            {
                var text = File.ReadAllText(path);
                Assert.That(text, Does.Contain(edit.Old), $"the case edits {edit.Path}");
                File.WriteAllText(path, text.Replace(edit.Old, Expand(edit.Text!), StringComparison.Ordinal));
                continue;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Delete(path);
            if (edit.LinkToDevFull) File.CreateSymbolicLink(path, "/dev/full");
            else if (edit.Text is not null) File.WriteAllText(path, Expand(edit.Text));
        }
    }

    public string Expand(string text) => text.Replace(Token, Directory, StringComparison.Ordinal);

    public void Dispose() => _fixture.Dispose();

    /// <summary>A predictions line with the teacher's outputs of a dataset line.</summary>
    private static string TeacherLine(string row)
    {
        using var doc = JsonDocument.Parse(row);
        return $"{{\"id\":\"{doc.RootElement.GetProperty("id").GetString()}\",\"outputs\":{doc.RootElement.GetProperty("teacher").GetRawText()}}}";
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in System.IO.Directory.EnumerateDirectories(from))
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
