using System.Text.Json;
using Harness.Cli.Commands;

namespace Harness.Cli.Tests;

public class DatagenCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Path.Combine(Path.GetTempPath(), "harness-datagen-cli-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void Datagen_writes_the_dataset_files_and_the_oracle_predictions_and_exits_zero()
    {
        var exit = DatagenCommand.Create().Parse(["--seed", "7", "--out", _dir]).Invoke();

        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "train.jsonl", "test.jsonl", "train.oracle.jsonl", "test.oracle.jsonl", "validation.jsonl", "filters.txt", "README.md" }));
        Assert.That(File.ReadLines(Path.Combine(_dir, "test.jsonl")).Count(), Is.EqualTo(1000));
        Assert.That(File.ReadLines(Path.Combine(_dir, "train.jsonl")).Count(), Is.EqualTo(8252));
    }

    [Test]
    public void Datagen_prints_its_summary_through_the_invocations_output()
    {
        var result = CliRunner.Run("datagen", "--seed", "7", "--out", _dir);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.StartWith($"wrote {_dir} (seed 7):"));
    }

    [Test]
    public void Every_written_line_is_a_json_object_with_the_spec_fields()
    {
        DatagenCommand.Create().Parse(["--seed", "7", "--out", _dir]).Invoke();

        foreach (var line in File.ReadLines(Path.Combine(_dir, "test.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var names = doc.RootElement.EnumerateObject().Select(p => p.Name);
            Assert.That(names, Is.EqualTo(new[] { "id", "intent", "repeats", "teacher", "exports" }));
            Assert.That(doc.RootElement.GetProperty("teacher").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "adjust", "selective_adjust", "filter" }));
        }
    }

    [Test]
    public void Card_says_the_data_is_synthetic_and_how_to_regenerate_it()
    {
        DatagenCommand.Create().Parse(["--seed", "7", "--out", _dir]).Invoke();

        var card = File.ReadAllText(Path.Combine(_dir, "README.md"));

        Assert.That(card, Does.Contain("SYNTHETIC"));
        Assert.That(card, Does.Contain("datagen --seed 7 --out datasets/tonal-color"));
        Assert.That(card, Does.Contain("| test | 1,000 | 912 | 356 | 683 |"));
    }

    [Test]
    public void The_seed_defaults_to_the_shipped_one()
    {
        var console = new StringWriter();
        var parse = DatagenCommand.Create().Parse(["--out", _dir]);

        Assert.That(parse.Errors, Is.Empty);
        Assert.That(DatagenCommand.Run(Harness.DataGen.DatasetGenerator.DefaultSeed, _dir, console), Is.EqualTo(0));
        Assert.That(console.ToString(), Does.Contain("seed 2410").And.Contain("test.jsonl: 1000 rows; used adjust 912, selective_adjust 356, filter 683"));
    }

    [Test]
    public void Missing_out_is_a_usage_error()
    {
        var parse = DatagenCommand.Create().Parse(["--seed", "1"]);

        Assert.That(parse.Errors, Is.Not.Empty);
        Assert.That(parse.Invoke(), Is.Not.Zero);
    }

    [Test]
    public void An_out_path_under_a_file_is_an_input_error_naming_the_path()
    {
        Directory.CreateDirectory(_dir);
        var blocker = Path.Combine(_dir, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var target = Path.Combine(blocker, "data");

        Assert.That(() => DatagenCommand.Run(1, target, TextWriter.Null),
            Throws.TypeOf<InputException>().With.Message.Contains(target).And.Message.Contains("--out"));
    }
}
