using System.Globalization;
using System.Text.Json;
using Harness.Cli;

namespace Harness.Plugins.MlNet.Tests;

/// <summary>A train row that breaks the schema, or an option that makes no sense: one line naming the file, line and field.</summary>
public class BadInputTests
{
    private const string Good = """{"id":"t-1","intent":"golden hour","repeats":2,"teacher":{"adjust":{"exposure":5,"contrast":10},"selective_adjust":null,"filter":{"name":"warm_GoldenHour","intensity":60}}}""";

    [TestCase("""{"id":"t-3","intent":"dusk","teacher":{"adjust":{"exposure":"ten"},"selective_adjust":null,"filter":null}}""", "teacher.adjust.exposure must be a number, not string")]
    [TestCase("""{"id":"t-3","intent":"dusk","teacher":{"adjust":null,"selective_adjust":{"red":7},"filter":null}}""", "teacher.selective_adjust.red must be an object")]
    [TestCase("""{"id":"t-3","intent":"dusk","teacher":{"adjust":null,"selective_adjust":null,"filter":{"name":"sepia_Deluxe","intensity":50}}}""", "teacher.filter.name 'sepia_Deluxe' is not in the filter catalogue")]
    [TestCase("""{"id":"t-3","intent":"dusk","teacher":{"adjust":null,"selective_adjust":null,"filter":{"intensity":50}}}""", "teacher.filter.name must be a string")]
    [TestCase("""{"id":"t-3","intent":"dusk","teacher":{"adjust":[1,2],"selective_adjust":null,"filter":null}}""", "teacher.adjust must be an object or null")]
    [TestCase("""{"id":"t-3","teacher":{"adjust":null,"selective_adjust":null,"filter":null}}""", "field 'intent' must be a string")]
    [TestCase("""{"id":"t-3","intent":"dusk"}""", "field 'teacher' is missing")]
    [TestCase("""{"id":"t-3","intent":"dusk",""", "not valid JSON")]
    public void A_bad_train_row_fails_the_backend_naming_file_line_and_field(string bad, string problem)
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        var train = folder.Write("train.jsonl", string.Join('\n', Good, Good.Replace("t-1", "t-2").Replace("golden hour", "blue hour"), bad, Good.Replace("t-1", "t-4")));

        var message = ModelFileTests.Fails(folder.Path, ("train", "train.jsonl"), ("cache", "cache"));

        Assert.That(message, Does.StartWith($"{train}:3: ").And.Contain(problem));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "cache")) ? Directory.GetFiles(Path.Combine(folder.Path, "cache")) : [], Is.Empty);
    }

    [Test]
    public async Task Harness_eval_exits_2_when_its_only_backend_has_a_bad_train_row()
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        var train = folder.Write("train.jsonl", Good + "\n" + """{"id":"t-2","intent":"dusk","teacher":{"adjust":{"contrast":true},"selective_adjust":null,"filter":null}}""");
        var config = folder.Write("eval.yaml", $"""
            dataset: {JsonSerializer.Serialize(RepositoryRoot.PathOf("datasets", "tonal-color", "test.jsonl"))}
            scenarios: [single-stream]
            limit: 5
            warmup: 0
            reports: [json]
            backends:
              - label: mlnet
                plugin: MlNet
                options: {"{"} train: train.jsonl, cache: cache {"}"}
            """);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await HarnessApp.RunAsync(["eval", "--config", config, "--out", Path.Combine(folder.Path, "run")], stdout, stderr);

        Assert.That(code, Is.EqualTo(2), stdout.ToString() + stderr);
        Assert.That(stdout.ToString() + stderr, Does.Contain($"{train}:2: teacher.adjust.contrast must be a number, not true"));
    }

    [Test]
    public void Without_train_or_model_the_error_names_both_options()
    {
        using var folder = new TempFolder();
        Assert.That(ModelFileTests.Fails(folder.Path), Does.Contain("option 'train'").And.Contain("'model'"));
    }

    [TestCase("fasttree", "'fasttree' cannot train the filter_name models; use one of sdca, lbfgs, lightgbm")]
    [TestCase("adjust=lbfgs", "'lbfgs' cannot train the adjust models; use one of sdca, fasttree, lightgbm")]
    [TestCase("colour=sdca", "unknown family 'colour'")]
    [TestCase("xgboost", "'xgboost' cannot train")]
    public void A_trainer_that_cannot_train_a_family_is_refused_with_the_ones_that_can(string trainers, string problem)
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        folder.Write("train.jsonl", Good);
        Assert.That(ModelFileTests.Fails(folder.Path, ("train", "train.jsonl"), ("trainers", trainers)), Does.Contain("option 'trainers'").And.Contain(problem));
    }

    [Test]
    public void A_train_split_where_a_tool_is_never_used_is_named()
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        const string plain = """{"id":"t-2","intent":"as it is","teacher":{"adjust":null,"selective_adjust":null,"filter":null}}""";
        var train = folder.Write("train.jsonl", string.Join('\n', Good, plain));

        Assert.That(ModelFileTests.Fails(folder.Path, ("train", "train.jsonl"), ("cache", "cache")),
            Is.EqualTo($"{train}: no row uses selective_adjust; the student learns from rows that use each tool and rows that do not."));
    }

    [Test]
    public async Task A_few_rows_train_a_student_that_answers()
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        const string none = """{"id":"t-9","intent":"as it is","teacher":{"adjust":null,"selective_adjust":null,"filter":null}}""";
        const string all = """{"id":"t-1","intent":"warm sunset glow","teacher":{"adjust":{"temperature":30},"selective_adjust":{"orange":{"saturation":20}},"filter":{"name":"warm_Sunset","intensity":60}}}""";
        var cold = all.Replace("t-1", "t-2").Replace("warm sunset glow", "cold blue night").Replace("warm_Sunset", "cool_Moonlight").Replace("30", "-30");
        folder.Write("train.jsonl", string.Join('\n', all, cold, none, none.Replace("t-9", "t-8").Replace("as it is", "no change")));

        await using var student = await Student.CreateAsync(folder.Path, null, ("train", "train.jsonl"), ("cache", "cache"));
        var answers = await Student.AskAsync(student, ["a warm sunset"], batched: false);

        Assert.That(answers[0], Has.All.Not.Null);
    }

    [Test]
    public void A_train_split_with_a_single_filter_name_is_named()
    {
        using var folder = new TempFolder();
        folder.CopyCatalogue();
        const string plain = """{"id":"t-2","intent":"as it is","teacher":{"adjust":null,"selective_adjust":{"red":{"saturation":5}},"filter":null}}""";
        var train = folder.Write("train.jsonl", string.Join('\n', Good, plain));

        Assert.That(ModelFileTests.Fails(folder.Path, ("train", "train.jsonl"), ("cache", "cache")),
            Does.StartWith($"{train}: every row that uses filter names 'warm_GoldenHour'"));
    }

    [Test]
    public void A_missing_train_file_is_named()
    {
        using var folder = new TempFolder();
        Assert.That(ModelFileTests.Fails(folder.Path, ("train", "nope.jsonl")), Does.EndWith("nope.jsonl: file not found; check option 'train' (relative to the config file)."));
    }

    [Test]
    public void A_missing_catalogue_is_named()
    {
        using var folder = new TempFolder();
        folder.Write("train.jsonl", Good);
        Assert.That(ModelFileTests.Fails(folder.Path, ("train", "train.jsonl")), Does.Contain("filters.txt: filter catalogue not found"));
    }
}
