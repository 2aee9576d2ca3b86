using System.Security.Cryptography;
using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Tests;

public class ReplayBackendTests
{
    [Test]
    public async Task Dataset_option_replays_the_teacher_column_as_canonical_json_and_null_for_unused_tools()
    {
        using var data = new TestData();
        var path = data.Write("test.jsonl", TestData.Row("t-1", "golden hour", TestData.Adjust(10), TestData.Filter("faded_HighNoon", 40)));
        await using var backend = await BuiltPlugins.CreateAsync("Replay", data.Folder, ("dataset", "test.jsonl"));

        var adjust = await TestData.AskAsync(backend, "t-1", "golden hour", ToolName.Adjust);
        var selective = await TestData.AskAsync(backend, "t-1", "golden hour", ToolName.SelectiveAdjust);
        var filter = await TestData.AskAsync(backend, "t-1", "golden hour", ToolName.Filter);

        Assert.That(JsonDocument.Parse(adjust!).RootElement.GetProperty("exposure").GetInt32(), Is.EqualTo(10));
        Assert.That(selective, Is.EqualTo("null"));
        Assert.That(filter, Is.EqualTo("{\"name\":\"faded_HighNoon\",\"intensity\":40}"));
        Assert.That(backend.Info.ModelSha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));
    }

    [Test]
    public async Task Predictions_option_serves_raw_strings_as_given_objects_as_json_and_null()
    {
        using var data = new TestData();
        data.Write("preds.jsonl", new
        {
            id = "t-1",
            outputs = new Dictionary<string, object?> { ["adjust"] = "```json\n{\"exposure\": 5}\n```", ["selective_adjust"] = null, ["filter"] = TestData.Filter("x", 3) },
        });
        await using var backend = await BuiltPlugins.CreateAsync("Replay", data.Folder, ("predictions", "preds.jsonl"));

        var responses = await backend.GenerateAsync(
            [.. ToolSchema.All.Select(t => new ToolRequest("t-1", "i", t, "p"))], CancellationToken.None);

        Assert.That(responses.Select(r => r.Text), Is.EqualTo(new[] { "```json\n{\"exposure\": 5}\n```", "null", "{\"name\":\"x\",\"intensity\":3}" }));
    }

    [Test]
    public async Task An_unknown_id_fails_that_call_only()
    {
        using var data = new TestData();
        data.Write("test.jsonl", TestData.Row("t-1", "a", null, null));
        await using var backend = await BuiltPlugins.CreateAsync("Replay", data.Folder, ("dataset", "test.jsonl"));

        var responses = await backend.GenerateAsync(
            [new ToolRequest("t-1", "a", ToolName.Adjust, "p"), new ToolRequest("t-9", "b", ToolName.Adjust, "p")], CancellationToken.None);

        Assert.That(responses[0].Error, Is.Null);
        Assert.That(responses[1].Text, Is.Null);
        Assert.That(responses[1].Error, Does.Contain("t-9"));
    }

    [Test]
    public void Exactly_one_source_option_is_required_and_a_bad_line_is_named()
    {
        using var data = new TestData();
        File.WriteAllText(Path.Combine(data.Folder, "bad.jsonl"), "{\"id\":\"a\",\"teacher\":{}}\n{oops\n");

        var neither = Assert.ThrowsAsync<BackendException>(() => BuiltPlugins.CreateAsync("Replay", data.Folder));
        var bad = Assert.ThrowsAsync<BackendException>(() => BuiltPlugins.CreateAsync("Replay", data.Folder, ("dataset", "bad.jsonl")));

        Assert.That(neither!.Message, Does.Contain("'predictions'").And.Contain("'dataset'"));
        Assert.That(bad!.Message, Does.Contain("bad.jsonl:2"));
    }
}
