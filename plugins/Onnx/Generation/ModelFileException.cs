namespace Harness.Plugins.Onnx.Generation;

/// <summary>A model file ONNX Runtime would not take, or whose inputs/outputs are not T5's.</summary>
internal sealed class ModelFileException(string file, string reason) : Exception($"{file}: {reason}")
{
    public string File { get; } = file;
    public string Reason { get; } = reason;
}
