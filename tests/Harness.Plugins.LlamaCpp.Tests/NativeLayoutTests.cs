using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Harness.Plugins.LlamaCpp.Native;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// The by-value structs must match llama.h of llama.cpp 0.5.0 byte for byte: sizes and
/// offsets computed from the header, and llama.cpp's own defaults read back through them.
/// </summary>
public class NativeLayoutTests
{
    [Test]
    public void Struct_sizes_match_those_computed_from_llama_h()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Unsafe.SizeOf<LlamaModelParams>(), Is.EqualTo(LlamaModelParams.ExpectedSize));
            Assert.That(Unsafe.SizeOf<LlamaContextParams>(), Is.EqualTo(LlamaContextParams.ExpectedSize));
            Assert.That(Unsafe.SizeOf<LlamaBatch>(), Is.EqualTo(LlamaBatch.ExpectedSize));
            Assert.That(Marshal.OffsetOf<LlamaModelParams>(nameof(LlamaModelParams.TensorSplit)), Is.EqualTo((nint)40));
            Assert.That(Marshal.OffsetOf<LlamaModelParams>(nameof(LlamaModelParams.VocabOnly)), Is.EqualTo((nint)72));
            Assert.That(Marshal.OffsetOf<LlamaContextParams>(nameof(LlamaContextParams.RopeFreqBase)), Is.EqualTo((nint)56));
            Assert.That(Marshal.OffsetOf<LlamaContextParams>(nameof(LlamaContextParams.CbEval)), Is.EqualTo((nint)88));
            Assert.That(Marshal.OffsetOf<LlamaContextParams>(nameof(LlamaContextParams.TypeK)), Is.EqualTo((nint)104));
            Assert.That(Marshal.OffsetOf<LlamaContextParams>(nameof(LlamaContextParams.Embeddings)), Is.EqualTo((nint)128));
            Assert.That(Marshal.OffsetOf<LlamaContextParams>(nameof(LlamaContextParams.Samplers)), Is.EqualTo((nint)136));
        });
    }

    [Test]
    public unsafe void Context_defaults_of_llama_cpp_read_back_field_by_field()
    {
        var p = Library().Api.ContextDefaultParams();
        Assert.Multiple(() =>
        {
            Assert.That(p.NCtx, Is.EqualTo(512u));
            Assert.That(p.NBatch, Is.EqualTo(2048u));
            Assert.That(p.NUbatch, Is.EqualTo(512u));
            Assert.That(p.NSeqMax, Is.EqualTo(1u));
            Assert.That(p.NRsSeq, Is.Zero);
            Assert.That(p.NOutputsMax, Is.Zero);
            Assert.That(p.NOutputsMaxPerSeq, Is.EqualTo(1u));
            Assert.That(p.NThreads, Is.EqualTo(4), "GGML_DEFAULT_N_THREADS");
            Assert.That(p.NThreadsBatch, Is.EqualTo(4));
            Assert.That(p.CtxType, Is.Zero);
            Assert.That(p.RopeScalingType, Is.EqualTo(-1));
            Assert.That(p.PoolingType, Is.EqualTo(-1));
            Assert.That(p.AttentionType, Is.EqualTo(-1));
            Assert.That(p.FlashAttnType, Is.EqualTo(-1), "LLAMA_FLASH_ATTN_TYPE_AUTO");
            Assert.That(p.RopeFreqBase, Is.Zero);
            Assert.That(p.YarnExtFactor, Is.EqualTo(-1f));
            Assert.That(p.YarnBetaSlow, Is.EqualTo(-1f));
            Assert.That(p.YarnOrigCtx, Is.Zero);
            Assert.That(p.DefragThold, Is.EqualTo(-1f));
            Assert.That(p.CbEval, Is.EqualTo(nint.Zero));
            Assert.That(p.TypeK, Is.EqualTo(LlamaContextParams.GgmlTypeF16));
            Assert.That(p.TypeV, Is.EqualTo(LlamaContextParams.GgmlTypeF16));
            Assert.That(p.AbortCallback, Is.EqualTo(nint.Zero));
            Assert.That(new[] { p.Embeddings, p.OffloadKqv, p.NoPerf, p.OpOffload, p.SwaFull, p.KvUnified },
                Is.EqualTo(new byte[] { 0, 1, 1, 1, 1, 0 }));
            Assert.That(p.Samplers, Is.EqualTo(nint.Zero));
            Assert.That(p.NSamplers, Is.EqualTo((nuint)0));
            Assert.That(p.CtxOther, Is.EqualTo(nint.Zero));
        });
    }

    [Test]
    public unsafe void Model_defaults_of_llama_cpp_read_back_field_by_field()
    {
        var p = Library().Api.ModelDefaultParams();
        Assert.Multiple(() =>
        {
            Assert.That(p.Devices, Is.EqualTo(nint.Zero));
            Assert.That(p.NGpuLayers, Is.EqualTo(-1));
            Assert.That(p.SplitMode, Is.EqualTo(1), "LLAMA_SPLIT_MODE_LAYER");
            Assert.That(p.LoadMode, Is.EqualTo(-1), "LLAMA_LOAD_MODE_AUTO");
            Assert.That(p.LazyMode, Is.EqualTo(1), "LLAMA_LAZY_MODE_AUTO");
            Assert.That(p.MainGpu, Is.Zero);
            Assert.That(p.TensorSplit, Is.EqualTo(nint.Zero));
            Assert.That(p.KvOverrides, Is.EqualTo(nint.Zero));
            Assert.That(new[] { p.VocabOnly, p.CheckTensors, p.UseExtraBufts, p.NoHost, p.NoAlloc, p.LoadMtp },
                Is.EqualTo(new byte[] { 0, 0, 1, 0, 0, 0 }));
        });
    }

    [Test]
    public void Loaded_library_is_the_pinned_llama_cpp_version_with_a_cpu_backend()
    {
        var library = Library();
        Assert.That(library.SystemInfo, Does.Contain("CPU"));
    }

    private static LlamaLibrary Library()
    {
        Fixture.RequireNativeLibrary();
        return LlamaLibrary.Load(null, Fixture.PluginDirectory, cuda: false);
    }
}
