using System.Runtime.InteropServices;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>
/// <c>struct llama_model_params</c> of llama.h at llama.cpp 0.5.0 (node-llama-cpp 3.22.1),
/// passed by value. x64 layout: 80 bytes; the six bools sit together at offset 72.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public const int ExpectedSize = 80;

    public nint Devices;
    public nint TensorBuftOverrides;
    public int NGpuLayers;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public nint TensorSplit;
    public nint ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint KvOverrides;
    public byte VocabOnly;
    public byte CheckTensors;
    public byte UseExtraBufts;
    public byte NoHost;
    public byte NoAlloc;
    public byte LoadMtp;
}
