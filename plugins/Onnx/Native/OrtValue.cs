using System.Runtime.InteropServices;

namespace Harness.Plugins.Onnx.Native;

/// <summary>An ONNX Runtime tensor: either over native memory this wrapper owns, or an output ONNX Runtime allocated.</summary>
internal sealed unsafe class OrtValue : IDisposable
{
    private const int ElementFloat = 1;
    private const int ElementInt64 = 7;
    private const int ElementBool = 9;
    private readonly OrtRuntime _runtime;
    private readonly OrtHandle _value;

    public OrtValue(OrtRuntime runtime, OrtHandle value)
    {
        _runtime = runtime;
        _value = value;
    }

    public nint Handle => _value.DangerousGetHandle();

    public static OrtValue FromInt64(OrtRuntime runtime, ReadOnlySpan<long> data, params long[] shape) =>
        Create(runtime, MemoryMarshal.AsBytes(data), ElementInt64, shape);

    public static OrtValue FromFloat(OrtRuntime runtime, ReadOnlySpan<float> data, params long[] shape) =>
        Create(runtime, MemoryMarshal.AsBytes(data), ElementFloat, shape);

    public static OrtValue FromBool(OrtRuntime runtime, bool value) =>
        Create(runtime, [value ? (byte)1 : (byte)0], ElementBool, [1]);

    private static OrtValue Create(OrtRuntime runtime, ReadOnlySpan<byte> bytes, int elementType, long[] shape)
    {
        var api = runtime.Api;
        // At least one byte so an empty tensor still has a valid pointer.
        var buffer = (nint)NativeMemory.AlignedAlloc((nuint)Math.Max(bytes.Length, 1), 64);
        bytes.CopyTo(new Span<byte>((void*)buffer, bytes.Length));
        nint value = 0;
        try
        {
            nint info;
            // OrtArenaAllocator (1), OrtMemTypeDefault (0).
            api.Check(api.CreateCpuMemoryInfo(1, 0, &info));
            using var infoHandle = new OrtHandle(info, api.ReleaseMemoryInfo);
            fixed (long* dims = shape)
            {
                api.Check(api.CreateTensorWithDataAsOrtValue(info, (void*)buffer, (nuint)bytes.Length, dims, (nuint)shape.Length, elementType, &value));
            }
        }
        catch
        {
            NativeMemory.AlignedFree((void*)buffer);
            throw;
        }
        return new OrtValue(runtime, new OrtHandle(value, api.ReleaseValue, buffer));
    }

    /// <summary>The tensor's dimensions.</summary>
    public long[] Shape()
    {
        var api = _runtime.Api;
        nint info;
        api.Check(api.GetTensorTypeAndShape(Handle, &info));
        using var handle = new OrtHandle(info, api.ReleaseTensorTypeAndShapeInfo);
        nuint rank;
        api.Check(api.GetDimensionsCount(info, &rank));
        var dims = new long[(int)rank];
        fixed (long* d = dims)
        {
            api.Check(api.GetDimensions(info, d, rank));
        }
        return dims;
    }

    /// <summary>The float data in place (valid while this value lives).</summary>
    public ReadOnlySpan<float> FloatData(long count)
    {
        void* data;
        _runtime.Api.Check(_runtime.Api.GetTensorMutableData(Handle, &data));
        return new ReadOnlySpan<float>(data, checked((int)count));
    }

    public void Dispose() => _value.Dispose();
}
