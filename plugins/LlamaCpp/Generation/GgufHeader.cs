using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>Checks that a model file exists and starts like a GGUF file before llama.cpp sees it.</summary>
internal static class GgufHeader
{
    private static readonly byte[] Magic = "GGUF"u8.ToArray();

    public static void Check(string path, string source)
    {
        if (!File.Exists(path))
            throw new BackendException($"{source}: option 'model': {path} does not exist; give the path of a .gguf model file (relative to the config file).");
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read < 8 || !head[..4].SequenceEqual(Magic))
            throw new BackendException($"{source}: option 'model': {path} is not a GGUF file (it does not start with 'GGUF'); convert the model with llama.cpp's convert_hf_to_gguf.py or give a .gguf file.");
    }
}
