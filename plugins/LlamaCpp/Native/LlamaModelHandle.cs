using System.Runtime.InteropServices;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>Owns a <c>llama_model*</c>; frees it with <c>llama_model_free</c>.</summary>
internal sealed unsafe class LlamaModelHandle : SafeHandle
{
    private readonly LlamaApi _api;

    public LlamaModelHandle(LlamaApi api, nint model) : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(model);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.ModelFree(handle);
        return true;
    }
}
