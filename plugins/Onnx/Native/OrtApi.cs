namespace Harness.Plugins.Onnx.Native;

/// <summary>
/// The entries of ONNX Runtime's <c>OrtApi</c> function table this plugin calls, read at
/// their index in the C struct (onnxruntime_c_api.h; the struct only ever grows at the end,
/// so these indices hold for every 1.x release that has them).
/// </summary>
internal sealed unsafe class OrtApi
{
    public const uint ApiVersion = 30;

    public OrtApi(nint table)
    {
        var f = (nint*)table;
        GetErrorMessage = (delegate* unmanaged<nint, byte*>)f[2];
        CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)f[3];
        CreateSession = (delegate* unmanaged<nint, void*, nint, nint*, nint>)f[7];
        Run = (delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)f[9];
        CreateSessionOptions = (delegate* unmanaged<nint*, nint>)f[10];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)f[23];
        SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)f[24];
        SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)f[25];
        SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)f[30];
        SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)f[31];
        SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)f[36];
        SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)f[37];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)f[49];
        GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)f[51];
        GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)f[61];
        GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)f[62];
        GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)f[65];
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)f[69];
        AllocatorFree = (delegate* unmanaged<nint, void*, nint>)f[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)f[78];
        ReleaseEnv = (delegate* unmanaged<nint, void>)f[92];
        ReleaseStatus = (delegate* unmanaged<nint, void>)f[93];
        ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)f[94];
        ReleaseSession = (delegate* unmanaged<nint, void>)f[95];
        ReleaseValue = (delegate* unmanaged<nint, void>)f[96];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)f[99];
        ReleaseSessionOptions = (delegate* unmanaged<nint, void>)f[100];
        AddSessionConfigEntry = (delegate* unmanaged<nint, byte*, byte*, nint>)f[130];
        SessionOptionsAppendExecutionProviderCudaV2 = (delegate* unmanaged<nint, nint, nint>)f[204];
        CreateCudaProviderOptions = (delegate* unmanaged<nint*, nint>)f[205];
        ReleaseCudaProviderOptions = (delegate* unmanaged<nint, void>)f[208];
    }

    public readonly delegate* unmanaged<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged<nint, void*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSession;
    public readonly delegate* unmanaged<nint, void> ReleaseValue;
    public readonly delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged<nint, byte*, byte*, nint> AddSessionConfigEntry;
    public readonly delegate* unmanaged<nint, nint, nint> SessionOptionsAppendExecutionProviderCudaV2;
    public readonly delegate* unmanaged<nint*, nint> CreateCudaProviderOptions;
    public readonly delegate* unmanaged<nint, void> ReleaseCudaProviderOptions;

    /// <summary>Throws <see cref="OrtException"/> with ONNX Runtime's message when <paramref name="status"/> is not null, releasing it.</summary>
    public void Check(nint status)
    {
        if (status == 0) return;
        var message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "unknown error";
        ReleaseStatus(status);
        throw new OrtException(message);
    }
}
