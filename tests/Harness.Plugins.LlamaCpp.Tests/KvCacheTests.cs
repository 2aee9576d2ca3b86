using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Backends;
using Harness.Plugins.Shared.Gguf;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>The KV-cache estimate from a GGUF header, checked against llama.cpp, and the start it refuses.</summary>
public class KvCacheTests
{
    private static KvCacheEstimate Estimate(string path, long tokens, int typeBytes = 2) =>
        KvCacheEstimate.For(GgufMetadata.TryRead(path) ?? throw new AssertionException($"{path}: header not read"), tokens, typeBytes)
            ?? throw new AssertionException($"{path}: no estimate");

    [Test]
    public void The_header_gives_layers_kv_heads_and_head_sizes()
    {
        // llama-tiny: 2 layers, 4 heads of 64 / 4 = 16 dimensions, 2 KV heads each (grouped-query attention).
        Assert.That(Estimate(Fixture.ModelPath, 10), Is.EqualTo(new KvCacheEstimate(2, 4, 16, 16, 2, 10)));
        Assert.That(Estimate(Fixture.ModelPath, 10).BytesPerToken, Is.EqualTo(256));
        // t5-tiny: its 2 decoder layers, 4 heads with key_length and value_length 16, no separate KV head count.
        Assert.That(Estimate(Path.Combine(Fixture.T5Directory, "t5-tiny.gguf"), 10, 4), Is.EqualTo(new KvCacheEstimate(2, 8, 16, 16, 4, 10)));
    }

    [Test]
    public async Task The_estimate_is_the_KV_buffer_llama_cpp_allocates()
    {
        Fixture.RequireNativeLibrary();
        var log = new List<string>();
        await using (await new LlamaCppBackendFactory().CreateAsync(
            Fixture.Options(("log_level", "info"), ("context_size", "512"), ("batch_size", "4")), Fixture.Context(log), CancellationToken.None)) { }

        // llama.cpp: "llama_kv_cache: CPU KV buffer size = 0.50 MiB"
        var line = log.FirstOrDefault(l => l.Contains("KV buffer size", StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, string.Join("\n", log));
        var mib = double.Parse(Regex.Match(line!, @"KV buffer size\s*=\s*([0-9.]+) MiB").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.That(Estimate(Fixture.ModelPath, 512 * 4).Bytes / (1 << 20), Is.EqualTo(mib).Within(0.01));
    }

    [Test]
    public void A_cache_larger_than_the_memory_available_is_refused_with_the_estimate_and_what_to_lower()
    {
        var estimate = Estimate(Fixture.ModelPath, 1L << 28);

        var e = Assert.Throws<BackendException>(() => estimate.CheckFits(1L << 30, "test.yaml: backends[0]", "context_size", "batch_size"))!;

        Assert.That(e.Message, Is.EqualTo(
            "test.yaml: backends[0]: options context_size x batch_size ask for a KV cache of 268,435,456 tokens, about 64.0 GiB (2 layers, 4 KV heads in all, key 16 + value 16 numbers of 2 bytes per head and token), more than the 1.0 GiB of memory available; lower context_size or batch_size so that context_size x batch_size is at most 4,194,304 tokens."));
        Assert.DoesNotThrow(() => Estimate(Fixture.ModelPath, 4_194_304).CheckFits(1L << 30, "test.yaml: backends[0]", "context_size", "batch_size"));
    }

    [Test]
    public void Context_size_2_to_the_20_with_batch_size_256_fails_at_start_instead_of_being_killed()
    {
        // 2^28 tokens of f32 cache: 128 GiB for the tiny model, more than the machines the tests run on.
        var e = Assert.ThrowsAsync<BackendException>(() => new LlamaCppBackendFactory().CreateAsync(
            Fixture.Options(("context_size", "1048576"), ("batch_size", "256"), ("kv_type", "f32")), Fixture.Context(), CancellationToken.None))!;

        Assert.That(e.Message, Does.StartWith("test.yaml: backends[0]: options context_size x batch_size ask for a KV cache of 268,435,456 tokens, about 128.0 GiB")
            .And.Contain("lower context_size or batch_size"));
    }

    [Test]
    public void A_header_that_cannot_be_read_gives_no_estimate_and_leaves_the_message_to_llama_cpp()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kv-{Guid.NewGuid():N}.gguf");
        try
        {
            var bytes = File.ReadAllBytes(Fixture.ModelPath);
            File.WriteAllBytes(path, bytes[..100]);
            Assert.That(GgufMetadata.TryRead(path), Is.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
