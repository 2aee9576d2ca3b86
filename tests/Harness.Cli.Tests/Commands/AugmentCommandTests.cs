namespace Harness.Cli.Tests.Commands;

public class AugmentCommandTests
{
    // Lines as 'harness mistakes' writes them, for rows of the committed train split.
    private const string Christmas = "{\"id\":\"train-00001\",\"intent\":\"christmas\",\"tool\":\"adjust\",\"reason\":\"cosine 0.100 below the run's mean 0.800\",\"cosine\":0.1,\"expected\":{},\"produced\":{}}";
    private const string BlueHour = "{\"id\":\"train-00002\",\"intent\":\"cottagecore blue hour\",\"tool\":\"filter\",\"reason\":\"filter 'a' instead of 'b'\",\"cosine\":null,\"expected\":{},\"produced\":{}}";
    private const string BlueHourAdjust = "{\"id\":\"train-00002\",\"intent\":\"cottagecore blue hour\",\"tool\":\"adjust\"}";

    [Test]
    public void Augment_writes_k_rows_per_mistaken_row_that_validate_and_prints_one_summary_line()
    {
        using var fixture = new DatasetFixture();
        var mistakes = fixture.Write("mistakes.jsonl", Christmas, BlueHour, BlueHourAdjust);
        var output = fixture.PathOf("augment.jsonl");

        var result = CliRunner.Run("augment", "--mistakes", mistakes, "--per-mistake", "2", "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Match(@"^3 mistakes on 2 rows read; 4 rows written to .*augment\.jsonl \(used: adjust \d, selective_adjust \d, filter \d\)\n$"));
        Assert.That(File.ReadAllLines(output).Select(l => l[..20]), Has.All.StartWith("{\"id\":\"aug-0000"));
        var filters = Path.Combine(Path.GetDirectoryName(TonalColor.TrainSplit)!, "filters.txt");
        var validate = CliRunner.Run("validate", output, TonalColor.TrainSplit, TonalColor.TestSplit, "--filters", filters);
        Assert.That(validate.ExitCode, Is.EqualTo(0), validate.Stderr);
    }

    [Test]
    public void The_same_seed_writes_the_same_bytes()
    {
        using var fixture = new DatasetFixture();
        var mistakes = fixture.Write("mistakes.jsonl", Christmas, BlueHour);

        CliRunner.Run("augment", "--mistakes", mistakes, "--seed", "5", "--out", fixture.PathOf("a.jsonl"));
        CliRunner.Run("augment", "--mistakes", mistakes, "--seed", "5", "--out", fixture.PathOf("b.jsonl"));

        Assert.That(File.ReadAllBytes(fixture.PathOf("b.jsonl")), Is.EqualTo(File.ReadAllBytes(fixture.PathOf("a.jsonl"))));
        Assert.That(File.ReadAllLines(fixture.PathOf("a.jsonl")), Has.Length.EqualTo(6));
    }

    [TestCase("{\"id\":\"train-99999\",\"intent\":\"christmas\"}", "id: 'train-99999' is not a row of the dataset; the mistakes file does not come from the dataset seed 2410 generates")]
    [TestCase("{\"id\":\"train-00001\",\"intent\":\"golden hour\"}", "intent: 'golden hour' is not the intent of train-00001 ('christmas'); the mistakes file does not come from the dataset seed 2410 generates")]
    public void A_row_not_in_the_dataset_exits_2_with_one_clear_error_line(string line, string expected)
    {
        using var fixture = new DatasetFixture();
        var mistakes = fixture.Write("mistakes.jsonl", BlueHour, line);

        var result = CliRunner.Run("augment", "--mistakes", mistakes, "--out", fixture.PathOf("augment.jsonl"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InputError));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith($"error: {mistakes}:2: {expected}"));
        Assert.That(File.Exists(fixture.PathOf("augment.jsonl")), Is.False);
    }

    [Test]
    public void A_per_mistake_below_one_exits_2()
    {
        using var fixture = new DatasetFixture();
        var mistakes = fixture.Write("mistakes.jsonl", Christmas);

        var result = CliRunner.Run("augment", "--mistakes", mistakes, "--per-mistake", "0", "--out", fixture.PathOf("augment.jsonl"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InputError));
        Assert.That(result.ErrorLines, Is.EqualTo(new[] { "error: --per-mistake: expected an integer >= 1, got 0" }));
    }
}
