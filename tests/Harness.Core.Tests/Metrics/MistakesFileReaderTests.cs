using Harness.Metrics;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics;

public class MistakesFileReaderTests
{
    [Test]
    public void Reads_what_harness_mistakes_writes_and_counts_a_row_wrong_for_several_tools_once()
    {
        using var fixture = new DatasetFixture();
        var path = fixture.PathOf("mistakes.jsonl");
        AugmentationCandidateJson.WriteAll(path,
        [
            new AugmentationCandidate("train-00002", "misty dawn", ToolName.Adjust, "cosine 0.100 below the run's mean 0.800", 0.1, "{}", "{}"),
            new AugmentationCandidate("train-00001", "golden hour", ToolName.Adjust, "cosine 0.200 below the run's mean 0.800", 0.2, "{}", "{}"),
            new AugmentationCandidate("train-00002", "misty dawn", ToolName.Filter, "filter 'a' instead of 'b'", null, "{\"name\":\"b\",\"intensity\":40}", "{\"name\":\"a\",\"intensity\":40}"),
        ]);

        var file = MistakesFileReader.Read(path);

        Assert.That(file.Mistakes, Is.EqualTo(3));
        Assert.That(file.Rows, Is.EqualTo(new[] { new MistakenRow("train-00002", "misty dawn", 1), new MistakenRow("train-00001", "golden hour", 2) }));
    }

    [TestCase("{\"intent\":\"golden hour\"}", "id: missing")]
    [TestCase("{\"id\":7,\"intent\":\"golden hour\"}", "id: expected a non-empty string, got 7")]
    [TestCase("{\"id\":\"train-00001\",\"intent\":null}", "intent: expected a non-empty string, got null")]
    [TestCase("[\"train-00001\"]", "line: expected a JSON object, got an array")]
    [TestCase("{\"id\":\"train-00001\",", "line: not valid JSON")]
    public void A_bad_line_is_an_error_naming_the_file_the_line_and_the_field(string line, string expected)
    {
        using var fixture = new DatasetFixture();
        var path = fixture.Write("mistakes.jsonl", "{\"id\":\"train-00001\",\"intent\":\"golden hour\"}", line);

        Assert.That(() => MistakesFileReader.Read(path), Throws.TypeOf<InputException>().With.Message.StartsWith($"{path}:2: {expected}"));
    }

    [Test]
    public void One_id_with_two_intents_is_an_error()
    {
        using var fixture = new DatasetFixture();
        var path = fixture.Write("mistakes.jsonl", "{\"id\":\"train-00001\",\"intent\":\"golden hour\"}", "{\"id\":\"train-00001\",\"intent\":\"blue hour\"}");

        Assert.That(() => MistakesFileReader.Read(path), Throws.TypeOf<InputException>().With.Message.EqualTo(
            $"{path}:2: intent: 'blue hour' differs from the intent of train-00001 on line 1"));
    }

    [Test]
    public void An_empty_or_missing_file_is_an_error()
    {
        using var fixture = new DatasetFixture();
        var empty = fixture.Write("empty.jsonl", "");

        Assert.That(() => MistakesFileReader.Read(empty), Throws.TypeOf<InputException>().With.Message.Contains("lists no mistakes"));
        Assert.That(() => MistakesFileReader.Read(fixture.PathOf("absent.jsonl")), Throws.TypeOf<InputException>().With.Message.Contains("not found"));
    }
}
