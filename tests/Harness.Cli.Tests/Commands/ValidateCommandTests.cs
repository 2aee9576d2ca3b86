namespace Harness.Cli.Tests.Commands;

public class ValidateCommandTests
{
    private DatasetFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DatasetFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void Validate_prints_the_used_counts_table_and_exits_0()
    {
        var path = _fixture.Write("test.jsonl", DatasetFixture.SmallSplit());
        var result = CliRunner.Run("validate", path);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("split  rows  adjust used  selective_adjust used  filter used\ntest   5     4            3                      3"));
        Assert.That(result.Stdout, Does.Contain("r3 (repeats >= 3) 3 rows, r5 (repeats >= 5) 2 rows"));
    }

    [Test]
    public void A_truncated_line_exits_2_with_one_line_naming_the_line()
    {
        var rows = DatasetFixture.SmallSplit();
        var result = CliRunner.Run("validate", _fixture.Write("test.jsonl", rows[0], rows[1][..50]));
        AssertOneLineError(result, @"^error: .*test\.jsonl:2: not valid JSON");
    }

    [Test]
    public void A_non_numeric_parameter_exits_2_naming_the_field()
    {
        var bad = DatasetFixture.Row("test-00001", "golden hour", 1, DatasetFixture.Adjust().Replace("\"contrast\":0", "\"contrast\":\"high\""), null, null);
        var result = CliRunner.Run("validate", _fixture.Write("test.jsonl", bad));
        AssertOneLineError(result, @"^error: .*test\.jsonl:1: teacher\.adjust\.contrast: expected a number, got ""high""$");
    }

    [Test]
    public void A_duplicate_id_exits_2_naming_both_lines()
    {
        var rows = DatasetFixture.SmallSplit();
        var result = CliRunner.Run("validate", _fixture.Write("test.jsonl", rows[0], rows[1].Replace("test-00002", "test-00001")));
        AssertOneLineError(result, @"^error: .*test\.jsonl:2: id: duplicate id 'test-00001' \(first on line 1\)$");
    }

    [Test]
    public void An_unknown_tool_exits_2_naming_the_tool()
    {
        var row = DatasetFixture.SmallSplit()[2].Replace("\"filter\":null", "\"filter\":null,\"crop\":null");
        var result = CliRunner.Run("validate", _fixture.Write("test.jsonl", row));
        AssertOneLineError(result, @"^error: .*test\.jsonl:1: teacher\.crop: unknown tool");
    }

    [Test]
    public void An_empty_file_exits_2()
    {
        var result = CliRunner.Run("validate", _fixture.Write("test.jsonl"));
        AssertOneLineError(result, @"^error: .*test\.jsonl: the file is empty");
    }

    [Test]
    public void A_missing_file_exits_2()
    {
        var result = CliRunner.Run("validate", _fixture.PathOf("missing.jsonl"));
        AssertOneLineError(result, @"^error: .*missing\.jsonl: dataset file not found");
    }

    [Test]
    public void Several_problems_are_all_listed_with_a_count()
    {
        var rows = DatasetFixture.SmallSplit();
        var result = CliRunner.Run("validate", _fixture.Write("test.jsonl", rows[0], rows[0], "{"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(4));
        Assert.That(result.ErrorLines[^1], Is.EqualTo("3 problems; fix them and validate again."));
    }

    [Test]
    public void Two_splits_that_share_an_intent_exit_2_naming_both_places()
    {
        var rows = DatasetFixture.SmallSplit();
        var test = _fixture.Write("test.jsonl", rows[0], rows[1]);
        var train = _fixture.Write("train.jsonl", rows[2].Replace("test-00003", "train-00001"), rows[1].Replace("test-00002", "train-00002"));
        var result = CliRunner.Run("validate", train, test);
        AssertOneLineError(result, @"^error: .*test\.jsonl:2: intent: 'rainy tokyo night' is also in train\.jsonl line 2; splits must not share intents$");
    }

    [Test]
    public void Two_disjoint_splits_print_both_tables()
    {
        var rows = DatasetFixture.SmallSplit();
        var train = _fixture.Write("train.jsonl", rows[3], rows[4]);
        var test = _fixture.Write("test.jsonl", rows[0], rows[1], rows[2]);
        var result = CliRunner.Run("validate", train, test);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("train  2     1            2                      1"));
        Assert.That(result.Stdout, Does.Contain("test   3     3            1                      2"));
    }

    private static void AssertOneLineError(CliRunner.Result result, string pattern)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.Stderr);
        Assert.That(result.ErrorLines[0], Does.Match(pattern));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }
}
