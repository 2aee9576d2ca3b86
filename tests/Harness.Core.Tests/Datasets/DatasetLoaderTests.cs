using Harness.Backends;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.Core.Tests.Datasets;

public class DatasetLoaderTests
{
    private DatasetFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DatasetFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private string[] ProblemsOf(params string[] lines)
    {
        var path = _fixture.Write("test.jsonl", lines);
        var ex = Assert.Throws<InputException>(() => DatasetLoader.Load(path))!;
        return ex.Problems.Count > 0 ? [.. ex.Problems] : [ex.Message];
    }

    [Test]
    public void A_valid_split_loads_every_row_with_its_teacher_settings()
    {
        var path = _fixture.Write("test.jsonl", DatasetFixture.SmallSplit());
        var dataset = DatasetLoader.Load(path);

        Assert.That(dataset.Rows, Has.Length.EqualTo(5));
        var first = dataset.Rows[0];
        Assert.That(first.Id, Is.EqualTo("test-00001"));
        Assert.That(first.Repeats, Is.EqualTo(7));
        Assert.That(first.Line, Is.EqualTo(1));
        Assert.That(((VectorSetting)first.TeacherFor(ToolName.Adjust)!).Values[7], Is.EqualTo(30));
        Assert.That(((VectorSetting)first.TeacherFor(ToolName.SelectiveAdjust)!).Values[4], Is.EqualTo(40));
        Assert.That(first.TeacherFor(ToolName.Filter), Is.EqualTo(new FilterSetting("faded_HighNoon", 40)));
        Assert.That(first.Exports![ToolName.Adjust], Is.EqualTo(3));
        Assert.That(dataset.Rows[2].TeacherFor(ToolName.Filter), Is.Null);
        Assert.That(dataset.Filters, Is.EqualTo(DatasetFixture.Filters));
        Assert.That(dataset.Sha256, Is.EqualTo(FileHash.Sha256(path)).And.Length.EqualTo(64));
    }

    [Test]
    public void A_key_given_twice_is_refused_naming_the_line_and_the_key_at_any_depth()
    {
        var rows = DatasetFixture.SmallSplit();
        var twiceAtTop = rows[1].Replace("\"repeats\":3", "\"repeats\":3,\"repeats\":9");
        var twiceInside = rows[2].Replace("\"temperature\":25", "\"temperature\":25,\"temperature\":-25");

        var problems = ProblemsOf(rows[0], twiceAtTop, twiceInside);

        Assert.That(problems, Has.Length.EqualTo(2));
        Assert.That(problems[0], Does.EndWith("test.jsonl:2: repeats: duplicate key; each key may appear once (a parser would silently keep one of them)"));
        Assert.That(problems[1], Does.Contain("test.jsonl:3: teacher.adjust.temperature: duplicate key"));
    }

    [Test]
    public void Filter_catalogue_ignores_comments_blank_lines_and_surrounding_space()
    {
        var path = _fixture.Write("cat.txt", "# header", "", "  a_One  ", "b_Two", "a_One");
        Assert.That(FilterCatalog.Load(path), Is.EqualTo(new[] { "a_One", "b_Two" }));
    }

    [Test]
    public void A_non_numeric_parameter_names_file_line_and_field()
    {
        var bad = DatasetFixture.Row("test-00001", "golden hour", 1, DatasetFixture.Adjust().Replace("\"contrast\":0", "\"contrast\":\"high\""), null, null);
        var problems = ProblemsOf(DatasetFixture.SmallSplit()[1], bad);
        Assert.That(problems, Has.Length.EqualTo(1));
        Assert.That(problems[0], Does.EndWith("test.jsonl:2: teacher.adjust.contrast: expected a number, got \"high\""));
    }

    [Test]
    public void Every_problem_is_collected_not_only_the_first()
    {
        var rows = DatasetFixture.SmallSplit();
        var problems = ProblemsOf(
            rows[0],
            rows[0].Replace("golden hour", "other"),
            DatasetFixture.Row("test-00009", "golden hour", 0, null, null, DatasetFixture.Filter("no_Such", 120)),
            "{\"id\":\"x\",\"intent\":\"y\",\"repeats\":1,\"teacher\":{\"crop\":null}}");
        Assert.That(problems, Has.Some.Match(@":2: id: duplicate id 'test-00001' \(first on line 1\)"));
        Assert.That(problems, Has.Some.Match(@":3: intent: duplicate intent 'golden hour'"));
        Assert.That(problems, Has.Some.Match(@":3: repeats: expected an integer >= 1, got 0"));
        Assert.That(problems, Has.Some.Match(@":3: teacher.filter.name: 'no_Such' is not in the filter catalogue"));
        Assert.That(problems, Has.Some.Match(@":3: teacher.filter.intensity: 120 is out of range \[0, 100\]"));
        Assert.That(problems, Has.Some.Match(@":4: teacher.crop: unknown tool"));
    }

    [Test]
    public void A_truncated_line_is_one_problem_naming_the_line()
    {
        var rows = DatasetFixture.SmallSplit();
        var problems = ProblemsOf(rows[0], rows[1][..40]);
        Assert.That(problems, Has.Length.EqualTo(1));
        Assert.That(problems[0], Does.Match(@"test\.jsonl:2: not valid JSON .*truncated"));
    }

    [Test]
    public void Wrong_shapes_missing_parameters_and_unknown_keys_in_the_teacher_are_errors()
    {
        var problems = ProblemsOf(
            DatasetFixture.Row("a", "a", 1, "[1,2]", DatasetFixture.Selective().Replace("\"red\":{\"saturation\":0,\"luminance\":0}", "\"red\":5"), null),
            DatasetFixture.Row("b", "b", 1, DatasetFixture.Adjust().Replace("\"exposure\":0,", "\"glow\":1,"), null, "{\"intensity\":10}"),
            DatasetFixture.Row("c", "c", 1, null, null, null, "{\"adjust\":-1}"));
        Assert.That(problems, Has.Some.EndsWith(":1: teacher.adjust: expected an object or null, got an array"));
        Assert.That(problems, Has.Some.Contains(":1: teacher.selective_adjust.red: expected an object"));
        Assert.That(problems, Has.Some.Contains(":2: teacher.adjust.glow: unknown key"));
        Assert.That(problems, Has.Some.EndsWith(":2: teacher.adjust.exposure: missing"));
        Assert.That(problems, Has.Some.EndsWith(":2: teacher.filter.name: missing"));
        Assert.That(problems, Has.Some.EndsWith(":3: exports.adjust: expected an integer >= 0, got -1"));
    }

    [Test]
    public void An_empty_file_is_one_clear_problem()
    {
        var problems = ProblemsOf();
        Assert.That(problems, Has.Length.EqualTo(1));
        Assert.That(problems[0], Does.Contain("test.jsonl: the file is empty"));
    }

    [Test]
    public void A_missing_file_or_catalogue_is_one_clear_problem()
    {
        var missing = _fixture.PathOf("nope.jsonl");
        Assert.That(() => DatasetLoader.Load(missing), Throws.TypeOf<InputException>().With.Message.Contains("nope.jsonl: dataset file not found"));
        var path = _fixture.Write("test.jsonl", DatasetFixture.SmallSplit());
        Assert.That(() => DatasetLoader.Load(path, _fixture.PathOf("none.txt")), Throws.TypeOf<InputException>().With.Message.Contains("none.txt: filter catalogue not found"));
    }

    [Test]
    public void Statistics_count_used_tools_subsets_and_repeats()
    {
        var stats = DatasetStatistics.From(DatasetLoader.Load(_fixture.Write("test.jsonl", DatasetFixture.SmallSplit())));
        Assert.That(stats.Rows, Is.EqualTo(5));
        Assert.That(stats.UsedCounts, Is.EqualTo(new[] { 4, 3, 3 }));
        Assert.That(stats.R3Rows, Is.EqualTo(3));
        Assert.That(stats.R5Rows, Is.EqualTo(2));
        Assert.That(stats.Repeats.Sum(b => b.Rows), Is.EqualTo(5));
        Assert.That(stats.ParameterRanges.First(r => r.Parameter == "temperature"), Is.EqualTo(new ParameterRange(ToolName.Adjust, "temperature", -30, 30, 6.25, 0.75)));
        var text = stats.ToText();
        Assert.That(text, Does.StartWith("split  rows  adjust used  selective_adjust used  filter used\ntest   5     4            3                      3\n"));
    }
}
