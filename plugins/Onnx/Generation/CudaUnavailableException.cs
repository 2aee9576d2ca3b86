namespace Harness.Plugins.Onnx.Generation;

/// <summary>ONNX Runtime could not add the CUDA execution provider (no GPU, or a CPU-only build).</summary>
internal sealed class CudaUnavailableException(string reason) : Exception(reason);
