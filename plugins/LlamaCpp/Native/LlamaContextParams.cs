using System.Runtime.InteropServices;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>
/// <c>struct llama_context_params</c> of llama.h at llama.cpp 0.5.0 (node-llama-cpp 3.22.1),
/// passed by value. x64 layout: 160 bytes (bools at 128..133, then samplers at 136).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public const int ExpectedSize = 160;

    public uint NCtx;
    public uint NBatch;
    public uint NUbatch;
    public uint NSeqMax;
    public uint NRsSeq;
    public uint NOutputsMax;
    public uint NOutputsMaxPerSeq;
    public int NThreads;
    public int NThreadsBatch;
    public int CtxType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttnType;
    public float RopeFreqBase;
    public float RopeFreqScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOrigCtx;
    public float DefragThold;
    public nint CbEval;
    public nint CbEvalUserData;
    public int TypeK;
    public int TypeV;
    public nint AbortCallback;
    public nint AbortCallbackData;
    public byte Embeddings;
    public byte OffloadKqv;
    public byte NoPerf;
    public byte OpOffload;
    public byte SwaFull;
    public byte KvUnified;
    public nint Samplers;
    public nuint NSamplers;
    public nint CtxOther;

    /// <summary><c>GGML_TYPE_F32</c> and <c>GGML_TYPE_F16</c> of ggml.h.</summary>
    public const int GgmlTypeF32 = 0, GgmlTypeF16 = 1;
}
