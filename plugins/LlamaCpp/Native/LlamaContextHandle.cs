using System.Runtime.InteropServices;

namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>Owns a <c>llama_context*</c>; frees it with <c>llama_free</c>.</summary>
internal sealed unsafe class LlamaContextHandle : SafeHandle
{
    private readonly LlamaApi _api;

    public LlamaContextHandle(LlamaApi api, nint context) : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.Free(handle);
        return true;
    }
}
