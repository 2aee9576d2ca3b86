using Harness.Datasets;
using Harness.Parsing;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Parsing;

public class PredictionsFileReaderTests
{
    private DatasetFixture _fixture = null!;
    private Dataset _dataset = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new DatasetFixture();
        _dataset = DatasetLoader.Load(_fixture.Write("test.jsonl", DatasetFixture.SmallSplit()));
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private PredictionsFile Read(params string[] lines) =>
        PredictionsFileReader.Read(_fixture.Write("preds.jsonl", lines), _dataset, new OutputParser(_dataset.Filters));

    private string[] Problems(params string[] lines)
    {
        var ex = Assert.Throws<InputException>(() => Read(lines))!;
        return ex.Problems.Count > 0 ? [.. ex.Problems] : [ex.Message];
    }

    [Test]
    public void Outputs_may_be_text_objects_or_null_and_missing_rows_are_listed()
    {
        var file = Read(
            "{\"id\":\"test-00001\",\"outputs\":{\"adjust\":\"```json\\n{\\\"contrast\\\":10}\\n```\",\"selective_adjust\":{\"red\":{\"saturation\":5}},\"filter\":null}}",
            "{\"id\":\"test-00002\",\"outputs\":{\"filter\":\"oops\"}}");

        var first = file.Predictions["test-00001"];
        Assert.That(first.For(ToolName.Adjust)!.Used, Is.True);
        Assert.That(first.For(ToolName.SelectiveAdjust)!.Used, Is.True);
        Assert.That(first.For(ToolName.Filter)!.Used, Is.False);
        Assert.That(file.Predictions["test-00002"].For(ToolName.Filter)!.Failure, Is.EqualTo(ParseFailureKind.InvalidJson));
        Assert.That(file.Calls, Has.Length.EqualTo(6));
        Assert.That(file.Calls[1].Raw, Is.EqualTo("{\"red\":{\"saturation\":5}}"));
        Assert.That(file.Calls.Select(c => c.Scenario).Distinct(), Is.EqualTo(new[] { "score" }));
        Assert.That(file.MissingIds, Is.EqualTo(new[] { "test-00003", "test-00004", "test-00005" }));
    }

    [Test]
    public void A_predictions_file_for_another_dataset_is_one_line_that_says_so()
    {
        var problems = Problems(
            "{\"id\":\"train-00001\",\"outputs\":{}}",
            "{\"id\":\"train-00002\",\"outputs\":{}}",
            "{\"id\":\"train-00003\",\"outputs\":{}}");
        Assert.That(problems, Has.Length.EqualTo(1));
        Assert.That(problems[0], Does.EndWith("preds.jsonl:1: id: 'train-00001' is not in test.jsonl (nor are 2 more ids); is this a predictions file for another dataset?"));
    }

    [Test]
    public void Bad_lines_are_named_by_file_and_line()
    {
        var problems = Problems(
            "{\"id\":\"test-00001\",\"outputs\":{\"adjust\":null}}",
            "{\"id\":\"test-00001\",\"outputs\":{}}",
            "{\"id\":\"test-00002\",\"outputs\":{\"crop\":null}}",
            "{\"id\":\"test-00003\"",
            "{\"id\":\"test-00004\",\"outputs\":[]}");
        Assert.That(problems, Has.Length.EqualTo(4));
        Assert.That(problems[0], Does.EndWith(":2: id: duplicate id 'test-00001' (first on line 1)"));
        Assert.That(problems[1], Does.EndWith(":3: outputs.crop: unknown tool (expected adjust, selective_adjust or filter)"));
        Assert.That(problems[2], Does.Contain(":4: not valid JSON"));
        Assert.That(problems[3], Does.Contain(":5: outputs: missing or not an object"));
    }

    [Test]
    public void An_output_with_a_lone_surrogate_is_invalid_text_and_its_raw_text_is_kept_exactly()
    {
        var file = Read(
            "{\"id\":\"test-00001\",\"outputs\":{\"adjust\":\"{\\\"contrast\\\":10}\\ud800\",\"selective_adjust\":{\"red\":{\"\\udc00\":5}},\"filter\":{\"name\":\"\\ud83d\"}}}",
            "{\"id\":\"test-00002\",\"outputs\":{\"filter\":\"\\ud83d\\ude00\"}}");

        var first = file.Predictions["test-00001"];
        Assert.That(ToolSchema.All.Select(t => first.For(t)!.Failure), Is.All.EqualTo(ParseFailureKind.InvalidText));
        Assert.That(file.Calls[0].Raw, Is.EqualTo("{\"contrast\":10}\ud800"));
        Assert.That(file.Calls[1].Raw, Is.EqualTo("{\"red\":{\"\\udc00\":5}}"));
        // A surrogate pair is text: not JSON, but not invalid text either.
        Assert.That(file.Predictions["test-00002"].For(ToolName.Filter)!.Failure, Is.EqualTo(ParseFailureKind.InvalidJson));
        Assert.That(file.Calls[5].Raw, Is.EqualTo("😀"));
    }

    [Test]
    public void A_lone_surrogate_in_a_key_or_an_id_is_an_input_error_naming_the_line()
    {
        var problems = Problems(
            "{\"id\":\"test-00001\",\"\\ud800\":1,\"outputs\":{}}",
            "{\"id\":\"test-00002\",\"outputs\":{\"\\ud800\":null}}",
            "{\"id\":\"test-\\ud800\",\"outputs\":{}}");

        Assert.That(problems, Has.Length.EqualTo(3));
        Assert.That(problems[0], Does.Contain(":3: id: 'test-"));
        Assert.That(problems[1], Does.EndWith(":1: line: a key holds an escaped lone UTF-16 surrogate (\\uD800-\\uDFFF), which is not text"));
        Assert.That(problems[2], Does.EndWith(":2: outputs: a key holds an escaped lone UTF-16 surrogate (\\uD800-\\uDFFF), which is not text"));
    }

    [Test]
    public void An_empty_or_missing_file_is_one_clear_problem()
    {
        Assert.That(Problems(), Has.One.Contains("preds.jsonl: the file is empty"));
        Assert.That(() => PredictionsFileReader.Read(_fixture.PathOf("nope.jsonl"), _dataset, new OutputParser([])),
            Throws.TypeOf<InputException>().With.Message.Contains("nope.jsonl: predictions file not found"));
    }
}
