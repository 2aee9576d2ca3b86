namespace Harness.Plugins.Onnx.Native;

/// <summary>An <c>OrtStatus</c> error from ONNX Runtime, carrying its message.</summary>
internal sealed class OrtException(string message) : Exception(message);
