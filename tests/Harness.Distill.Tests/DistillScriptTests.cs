using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Harness.Distill.Tests;

/// <summary>
/// The distillation scripts, run for real on a few rows: CI does not retrain the students, but it
/// checks that training lowers the loss and that a shipped student's tokenizer comes back byte for byte.
/// </summary>
public class DistillScriptTests
{
    private string _work = "";

    [SetUp]
    public void MakeWorkFolder()
    {
        Python.Require();
        _work = Directory.CreateTempSubdirectory("distill-").FullName;
    }

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void A_few_T5_training_steps_on_a_few_rows_lower_the_loss()
    {
        var log = Train("train_t5.py", "--d-model", "32", "--d-kv", "8", "--d-ff", "64", "--layers", "1", "--heads", "2", "--vocab", "200");
        AssertLossFell(log);
    }

    [Test]
    public void A_few_Llama_training_steps_on_a_few_rows_lower_the_loss()
    {
        var log = Train("train_llama.py", "--dim", "32", "--layers", "1", "--heads", "2", "--kv-heads", "2", "--ffn", "64", "--vocab", "400");
        AssertLossFell(log);
    }

    [TestCase("llama-student", "train_llama.py", "tokenizer.model")]
    [TestCase("flan-t5-student", "train_t5.py", "spiece.model")]
    public void A_shipped_students_tokenizer_is_reproduced_byte_for_byte(string student, string script, string file)
    {
        var (code, output) = Python.Run([$"tools/distill/{script}", "--work", _work, "--tokenizer-only"], TimeSpan.FromMinutes(5));
        Assert.That(code, Is.Zero, output);
        Assert.That(Sha256(Path.Combine(_work, file)), Is.EqualTo(Sha256(Path.Combine(Repo.ModelsFolder, student, file))),
            $"{script} no longer makes models/{student}/{file}; retrain the student (tools/distill/README.md) if that is intended");
    }

    [Test]
    public void A_train_file_that_is_missing_or_not_dataset_rows_stops_with_one_line_naming_it()
    {
        var missing = Path.Combine(_work, "no-such.jsonl");
        var (code, output) = Python.Run(["tools/distill/train_t5.py", "--work", _work, "--train", missing], TimeSpan.FromMinutes(2));
        Assert.That((code, output.Trim()), Is.EqualTo((1, $"error: {missing}: cannot be read (No such file or directory); give a dataset file in the schema of spec section 2")));

        var bad = Path.Combine(_work, "bad.jsonl");
        File.WriteAllLines(bad, ["{\"id\":\"a\"}"]);
        (code, output) = Python.Run(["tools/distill/train_llama.py", "--work", _work, "--train", bad], TimeSpan.FromMinutes(2));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output.Trim(), Does.StartWith($"error: {bad}:1: not a dataset row").And.Not.Contain("Traceback"));
    }

    private JsonElement Train(string script, params string[] model)
    {
        var rows = Path.Combine(_work, "rows.jsonl");
        File.WriteAllLines(rows, File.ReadLines(Path.Combine(Repo.Root, "datasets", "tonal-color", "train.jsonl")).Take(60));
        var work = Path.Combine(_work, "run");
        string[] common = ["--work", work, "--train", rows, "--heldout-share", "0.2", "--steps", "40", "--batch-size", "16",
            "--warmup", "5", "--lr", "3e-3", "--eval-every", "20", "--threads", "1", "--max-new-tokens", "8"];
        var (code, output) = Python.Run([$"tools/distill/{script}", .. common, .. model], TimeSpan.FromMinutes(5));
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("step 40/40").And.Contain("target tokens/s").And.Contain("ETA"), "the progress line");
        Assert.That(File.Exists(Path.Combine(work, "checkpoint.pt")), Is.True, "a checkpoint to resume from");
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "train_log.json"))).RootElement.Clone();
    }

    private static void AssertLossFell(JsonElement log)
    {
        var losses = log.GetProperty("steps").EnumerateArray().Select(s => s[1].GetDouble()).ToArray();
        var heldout = log.GetProperty("heldout").EnumerateArray().Select(s => s[1].GetDouble()).ToArray();
        var first = losses.Take(5).Average();
        var last = losses.TakeLast(5).Average();
        Assert.Multiple(() =>
        {
            Assert.That(losses, Has.Length.EqualTo(40));
            Assert.That(last, Is.LessThan(0.7 * first), string.Create(CultureInfo.InvariantCulture, $"training loss {first:F3} -> {last:F3}"));
            Assert.That(heldout, Has.Length.EqualTo(2));
            Assert.That(heldout[^1], Is.LessThan(first), "held-out loss below the untrained loss");
        });
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
