using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Harness.Tools;

namespace Harness.Plugins.Onnx.Tests;

public class LeakTests
{
    [SetUp]
    public void RequireNative() => Fixture.RequireNativeLibrary();

    [Test]
    public async Task Many_sessions_and_requests_leave_no_session_or_cached_value_alive()
    {
        Assert.That((DecoderSessions.OpenCount, DecodeState.LiveCount), Is.EqualTo((0, 0)), "another test left sessions or values alive");
        var requests = Enumerable.Range(0, 7)
            .Select(i => new ToolRequest($"test-{i:D5}", $"intent {i}", ToolName.Filter, $"tool: filter\nintent: look number {i}")).ToList();
        var peak = 0;
        for (var round = 0; round < 12; round++)
        {
            var layout = round % 2 == 0 ? Fixture.Split : Fixture.Merged;
            await using (var backend = await Fixture.CreateAsync(layout, ("batch_size", "3"), ("max_new_tokens", "6")))
            {
                for (var call = 0; call < 4; call++) await backend.GenerateAsync(requests, CancellationToken.None);
                peak = Math.Max(peak, DecoderSessions.OpenCount);
            }
            Assert.That((DecoderSessions.OpenCount, DecodeState.LiveCount), Is.EqualTo((0, 0)), $"after backend {round}");
        }
        Assert.That(peak, Is.GreaterThan(0), "the counter sees the sessions");
    }

    [Test]
    public async Task A_failed_load_releases_what_it_had_opened()
    {
        var folder = Path.Combine(Path.GetTempPath(), "onnx-leak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(Fixture.Split)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, "decoder_with_past_model.onnx"), "not a model");
            for (var i = 0; i < 5; i++) Assert.ThrowsAsync<BackendException>(async () => await Fixture.CreateAsync(folder));
            Assert.That(DecoderSessions.OpenCount, Is.Zero);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        await Task.CompletedTask;
    }
}
