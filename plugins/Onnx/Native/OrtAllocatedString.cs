using System.Runtime.InteropServices;

namespace Harness.Plugins.Onnx.Native;

/// <summary>A string ONNX Runtime allocated with its default allocator (an input or output name), freed with that allocator.</summary>
internal sealed unsafe class OrtAllocatedString : SafeHandle
{
    private readonly OrtApi _api;
    private readonly nint _allocator;

    public OrtAllocatedString(OrtApi api, nint allocator, byte* text) : base(0, ownsHandle: true)
    {
        _api = api;
        _allocator = allocator;
        SetHandle((nint)text);
        OrtHandle.Created();
    }

    public override bool IsInvalid => handle == 0;

    public override string ToString() => Marshal.PtrToStringUTF8(handle) ?? "";

    protected override bool ReleaseHandle()
    {
        var status = _api.AllocatorFree(_allocator, (void*)handle);
        if (status != 0) _api.ReleaseStatus(status);
        OrtHandle.Released();
        return status == 0;
    }
}
