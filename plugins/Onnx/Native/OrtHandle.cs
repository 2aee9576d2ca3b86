using System.Runtime.InteropServices;

namespace Harness.Plugins.Onnx.Native;

/// <summary>
/// Owns one ONNX Runtime object and releases it exactly once with its kind's release
/// function. Counts the live handles so a test can prove nothing is left behind.
/// </summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private static int s_live;
    private readonly delegate* unmanaged<nint, void> _release;
    private nint _ownedBuffer;

    public OrtHandle(nint handle, delegate* unmanaged<nint, void> release, nint ownedBuffer = 0) : base(0, ownsHandle: true)
    {
        _release = release;
        _ownedBuffer = ownedBuffer;
        SetHandle(handle);
        Created();
    }

    /// <summary>Native objects created through this wrapper and not yet released.</summary>
    public static int LiveCount => Volatile.Read(ref s_live);

    public override bool IsInvalid => handle == 0;

    /// <summary>Counts a native object owned by another handle type of this wrapper.</summary>
    internal static void Created() => Interlocked.Increment(ref s_live);

    internal static void Released() => Interlocked.Decrement(ref s_live);

    protected override bool ReleaseHandle()
    {
        _release(handle);
        // A tensor over our own memory: free it only after ONNX Runtime let go of the value.
        if (_ownedBuffer != 0) NativeMemory.AlignedFree((void*)_ownedBuffer);
        _ownedBuffer = 0;
        Released();
        return true;
    }
}
