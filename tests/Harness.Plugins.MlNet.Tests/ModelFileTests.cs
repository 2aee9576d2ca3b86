using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Harness.Backends;

namespace Harness.Plugins.MlNet.Tests;

/// <summary>The trained model as a file: cached by train bytes and settings, loadable by path, refused clearly when broken.</summary>
public class ModelFileTests
{
    [Test]
    public async Task Training_logs_its_progress_and_saves_one_model_file()
    {
        var first = await SharedStudent.GetAsync();

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, first.Log));
        Assert.Multiple(() =>
        {
            Assert.That(first.Log, Has.Some.Contains("training on 1500 rows"));
            Assert.That(first.Log, Has.Some.Contains("featurised 1500 intents"));
            Assert.That(first.Log, Has.Some.Contains("trained 14 adjust model(s)"));
            Assert.That(first.Log, Has.Some.Contains("saved"));
            Assert.That(first.Log, Has.Some.Contains("warmed up with 3000 predictions"));
            Assert.That(Directory.GetFiles(SharedStudent.CacheFolder), Has.Length.EqualTo(1).And.All.Match(@"mlnet-[0-9a-f]{16}\.zip$"));
        });
    }

    [Test]
    public async Task A_second_run_loads_the_cached_model_without_training()
    {
        var first = await SharedStudent.GetAsync();
        var log = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        await using var second = await Student.CreateAsync(SharedStudent.Folder, log, ("train", "train.jsonl"), ("cache", "cache"));

        var intents = new[] { "golden hour", "rainy tokyo night", "shot on portra, warmer" };
        Assert.Multiple(async () =>
        {
            Assert.That(log, Has.Some.Contains("loading the model trained earlier"));
            Assert.That(log, Has.None.Contains("training on"));
            Assert.That(clock.Elapsed, Is.LessThan(first.Elapsed));
            Assert.That(second.Info.ModelSha256, Is.EqualTo(first.Backend.Info.ModelSha256));
            Assert.That(await Student.AskAsync(second, intents, true), Is.EqualTo(await Student.AskAsync(first.Backend, intents, true)));
        });
    }

    [Test]
    public async Task Option_model_serves_a_saved_file_and_names_it_by_its_hash()
    {
        var first = await SharedStudent.GetAsync();
        var file = Directory.GetFiles(SharedStudent.CacheFolder).Single();

        await using var loaded = await Student.CreateAsync(SharedStudent.Folder, null, ("model", file));

        var intents = new[] { "golden hour", "cinematic teal and orange" };
        Assert.That(loaded.Info.ModelSha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))));
        Assert.That(loaded.Info.Model, Does.StartWith("mlnet:train.jsonl:"));
        Assert.That(await Student.AskAsync(loaded, intents, true), Is.EqualTo(await Student.AskAsync(first.Backend, intents, true)));
    }

    [Test]
    public void A_corrupt_model_file_is_named_with_what_to_do()
    {
        using var folder = new TempFolder();
        var garbage = folder.Write("garbage.zip", "this is not a zip file");

        Assert.That(Fails(folder.Path, ("model", garbage)), Does.StartWith(garbage + ": not a readable MlNet model file").And.Contain("delete it to retrain"));
    }

    [Test]
    public async Task A_truncated_model_file_is_refused_not_half_loaded()
    {
        await SharedStudent.GetAsync();
        using var folder = new TempFolder();
        var bytes = File.ReadAllBytes(Directory.GetFiles(SharedStudent.CacheFolder).Single());
        var truncated = Path.Combine(folder.Path, "truncated.zip");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        Assert.That(Fails(folder.Path, ("model", truncated)), Does.StartWith(truncated + ": not a readable MlNet model file"));
    }

    [Test]
    public void A_zip_that_this_plugin_did_not_save_is_refused()
    {
        using var folder = new TempFolder();
        var other = Path.Combine(folder.Path, "other.zip");
        using (var zip = ZipFile.Open(other, ZipArchiveMode.Create))
            zip.CreateEntry("Model/Model.key");

        Assert.That(Fails(folder.Path, ("model", other)), Does.StartWith(other + ": a zip without MlNet/settings.json"));
    }

    [Test]
    public void A_missing_model_file_is_named()
    {
        using var folder = new TempFolder();
        Assert.That(Fails(folder.Path, ("model", "nope.zip")), Does.Contain("nope.zip: model file not found"));
    }

    internal static string Fails(string folder, params (string, string)[] options)
    {
        var e = Assert.ThrowsAsync<BackendException>(async () => await Student.CreateAsync(folder, null, options));
        Assert.That(e!.Message, Does.Not.Contain('\n'));
        return e.Message;
    }
}
