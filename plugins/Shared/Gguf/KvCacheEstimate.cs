using System.Globalization;
using Harness.Backends;

namespace Harness.Plugins.Shared.Gguf;

/// <summary>
/// How much memory llama.cpp's KV cache takes for a GGUF model, estimated from the file's header
/// before any context is created, for every llama.cpp-based plugin: per token, each layer keeps
/// a key and a value vector per KV head, so
/// $bytes = tokens \sum_{l} kvHeads_l (keyLength + valueLength) typeBytes$,
/// with tokens = context per sequence x sequences. An encoder-decoder (T5) caches its decoder
/// layers only. Asking for more than the machine has makes the kernel kill the process with no
/// message, so <see cref="CheckFits"/> refuses it first, saying what to lower.
/// </summary>
/// <param name="Layers">Layers with a KV cache.</param>
/// <param name="KvHeads">KV heads summed over those layers.</param>
/// <param name="KeyLength">Dimensions of one head's key.</param>
/// <param name="ValueLength">Dimensions of one head's value.</param>
/// <param name="TypeBytes">Bytes per cached number (2 for f16, 4 for f32).</param>
/// <param name="Tokens">Tokens cached: context per sequence x sequences.</param>
internal sealed record KvCacheEstimate(int Layers, long KvHeads, long KeyLength, long ValueLength, int TypeBytes, long Tokens)
{
    /// <summary>Bytes one cached token takes over all layers.</summary>
    public long BytesPerToken => KvHeads * (KeyLength + ValueLength) * TypeBytes;

    /// <summary>The estimated size of the whole cache in bytes.</summary>
    public double Bytes => (double)BytesPerToken * Tokens;

    /// <summary>The estimate for <paramref name="tokens"/> tokens of <paramref name="typeBytes"/> each, or null when the header lacks what it needs.</summary>
    public static KvCacheEstimate? For(GgufMetadata gguf, long tokens, int typeBytes)
    {
        if (gguf.Architecture is not { } arch) return null;
        // llama.cpp's own defaults: the decoder's layers (encoder-decoders), KV heads = heads, head size = width / heads.
        var layers = gguf.Integer($"{arch}.decoder_block_count") ?? gguf.Integer($"{arch}.block_count");
        if (layers is not (> 0 and <= 100_000)) return null;
        var heads = gguf.PerLayer($"{arch}.attention.head_count", (int)layers);
        var kvHeads = gguf.PerLayer($"{arch}.attention.head_count_kv", (int)layers) ?? heads;
        if (heads is null || kvHeads is null || heads.Any(h => h <= 0 || h > 1_000_000)) return null;
        var width = gguf.Integer($"{arch}.embedding_length");
        var key = gguf.Integer($"{arch}.attention.key_length") ?? width / heads[0];
        var value = gguf.Integer($"{arch}.attention.value_length") ?? width / heads[0];
        if (key is not (> 0 and <= 1_000_000) || value is not (> 0 and <= 1_000_000) || kvHeads.Any(h => h < 0 || h > 1_000_000)) return null;
        return new KvCacheEstimate((int)layers, kvHeads.Sum(), key.Value, value.Value, typeBytes, tokens);
    }

    /// <summary>
    /// Throws a <see cref="BackendException"/> when the cache does not fit in
    /// <paramref name="availableBytes"/>, giving the estimate and the two options
    /// (<paramref name="contextOption"/>, <paramref name="sequencesOption"/>) to lower.
    /// </summary>
    public void CheckFits(long availableBytes, string source, string contextOption, string sequencesOption)
    {
        if (Bytes <= availableBytes) return;
        var inv = CultureInfo.InvariantCulture;
        var fits = availableBytes / Math.Max(1, BytesPerToken);
        throw new BackendException(string.Create(inv,
            $"{source}: options {contextOption} x {sequencesOption} ask for a KV cache of {Tokens:#,0} tokens, about {Size(Bytes)} ({Layers} layers, {KvHeads} KV heads in all, key {KeyLength} + value {ValueLength} numbers of {TypeBytes} bytes per head and token), more than the {Size(availableBytes)} of memory available; lower {contextOption} or {sequencesOption} so that {contextOption} x {sequencesOption} is at most {fits:#,0} tokens."));
    }

    /// <summary>
    /// Memory this process can still take: the smaller of the memory the runtime may use (physical
    /// memory or the container's limit) and, on Linux, what the kernel reports as available.
    /// </summary>
    public static long AvailableMemoryBytes()
    {
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var available = limit > 0 ? limit : long.MaxValue;
        if (OperatingSystem.IsLinux() && File.Exists("/proc/meminfo"))
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
            if (long.TryParse(kilobytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)) available = Math.Min(available, kb * 1024);
        }

        return available;
    }

    private static string Size(double bytes) =>
        bytes >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):0.0} GiB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):0.0} MiB");
}
