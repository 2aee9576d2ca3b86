using System.Security.Cryptography;
using System.Text.Json;

namespace Harness.Distill.Tests;

/// <summary>Every shipped student is exactly what its model card says (card.json, written by tools/distill/package.py).</summary>
public class ModelCardTests
{
    public static IEnumerable<string> Students() =>
        Directory.GetDirectories(Repo.ModelsFolder).Where(d => File.Exists(Path.Combine(d, "card.json"))).Select(Path.GetFileName)!;

    [Test]
    public void The_main_job_ships_a_FlanT5_and_a_Llama_student() =>
        Assert.That(Students(), Is.SupersetOf(new[] { "flan-t5-student", "llama-student" }));

    [TestCaseSource(nameof(Students))]
    public void Every_file_has_the_size_and_sha256_its_card_states(string student)
    {
        var folder = Path.Combine(Repo.ModelsFolder, student);
        var files = Card(student).GetProperty("files");
        Assert.Multiple(() =>
        {
            foreach (var file in files.EnumerateObject())
            {
                var path = Path.Combine(folder, file.Name);
                Assert.That(File.Exists(path), Is.True, $"{student}: card lists {file.Name}, which is missing");
                if (!File.Exists(path)) continue;
                Assert.That(new FileInfo(path).Length, Is.EqualTo(file.Value.GetProperty("bytes").GetInt64()), $"{student}/{file.Name}: size");
                Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
                    Is.EqualTo(file.Value.GetProperty("sha256").GetString()), $"{student}/{file.Name}: sha256 (rerun tools/distill/package.py if the model changed on purpose)");
            }
        });
    }

    [TestCaseSource(nameof(Students))]
    public void No_file_is_missing_from_the_card(string student)
    {
        var folder = Path.Combine(Repo.ModelsFolder, student);
        var listed = Card(student).GetProperty("files").EnumerateObject().Select(f => f.Name).ToHashSet();
        var present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
            // selection-thresholds.json is made afterwards by `harness calibrate`, not by the distillation; it names its own validation hash.
            .Where(p => p is not ("card.json" or "README.md" or "selection-thresholds.json"));
        Assert.That(present.Where(p => !listed.Contains(p)), Is.Empty);
    }

    [TestCaseSource(nameof(Students))]
    public void The_card_says_what_it_was_trained_on_and_that_the_test_split_was_never_read(string student)
    {
        var card = Card(student);
        var training = card.GetProperty("training");
        Assert.Multiple(() =>
        {
            Assert.That(card.GetProperty("data").GetProperty("test_split_read").GetBoolean(), Is.False);
            Assert.That(card.GetProperty("parameters").GetInt64(), Is.GreaterThan(100_000));
            Assert.That(training.GetProperty("final_step").GetInt32(), Is.EqualTo(training.GetProperty("steps").GetInt32()), "trained to its last step");
            Assert.That(training.GetProperty("final_heldout_loss").GetDouble(), Is.LessThan(3.0));
            Assert.That(File.ReadAllText(Path.Combine(Repo.ModelsFolder, student, "README.md")), Does.Contain(training.GetProperty("seed").GetInt64().ToString()));
        });
    }

    private static JsonElement Card(string student) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.ModelsFolder, student, "card.json"))).RootElement;
}
