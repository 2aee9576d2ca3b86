using System.Runtime.InteropServices;
using System.Text;

namespace Harness.Plugins.Onnx.Native;

/// <summary>One ONNX Runtime inference session over a model file, with its input and output names.</summary>
internal sealed unsafe class OrtSession : IDisposable
{
    private readonly OrtRuntime _runtime;
    private readonly OrtHandle _session;

    private OrtSession(OrtRuntime runtime, OrtHandle session)
    {
        _runtime = runtime;
        _session = session;
        InputNames = ReadNames(runtime.Api.SessionGetInputCount, runtime.Api.SessionGetInputName);
        OutputNames = ReadNames(runtime.Api.SessionGetOutputCount, runtime.Api.SessionGetOutputName);
    }

    public IReadOnlyList<string> InputNames { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Opens <paramref name="modelPath"/>; <paramref name="cuda"/> appends the CUDA execution provider or fails.</summary>
    public static OrtSession Open(OrtRuntime runtime, string modelPath, int threads, bool cuda)
    {
        var api = runtime.Api;
        nint raw;
        api.Check(api.CreateSessionOptions(&raw));
        using var options = new OrtHandle(raw, api.ReleaseSessionOptions);
        api.Check(api.SetIntraOpNumThreads(raw, threads));
        api.Check(api.SetInterOpNumThreads(raw, 1));
        api.Check(api.SetSessionGraphOptimizationLevel(raw, 99));
        // Idle intra-op threads sleep instead of spinning: on a machine with few cores shared
        // with the host's own threads, spinning workers starve the thread that waits on them.
        fixed (byte* key = "session.intra_op.allow_spinning"u8, value = "0"u8)
        {
            api.Check(api.AddSessionConfigEntry(raw, key, value));
        }
        if (cuda) AppendCuda(api, raw);
        nint session;
        var path = OperatingSystem.IsWindows() ? Encoding.Unicode.GetBytes(modelPath + "\0") : Encoding.UTF8.GetBytes(modelPath + "\0");
        fixed (byte* p = path)
        {
            api.Check(api.CreateSession(runtime.Env, p, raw, &session));
        }
        return new OrtSession(runtime, new OrtHandle(session, api.ReleaseSession));
    }

    private static void AppendCuda(OrtApi api, nint sessionOptions)
    {
        nint cudaOptions;
        api.Check(api.CreateCudaProviderOptions(&cudaOptions));
        using var handle = new OrtHandle(cudaOptions, api.ReleaseCudaProviderOptions);
        api.Check(api.SessionOptionsAppendExecutionProviderCudaV2(sessionOptions, cudaOptions));
    }

    /// <summary>Runs the model; the caller owns (and must dispose) the returned outputs.</summary>
    public OrtValue[] Run(IReadOnlyList<string> inputNames, IReadOnlyList<OrtValue> inputs, IReadOnlyList<string> outputNames)
    {
        var api = _runtime.Api;
        var names = new List<nint>();
        try
        {
            var inNames = stackalloc nint[inputNames.Count];
            var inValues = stackalloc nint[inputs.Count];
            var outNames = stackalloc nint[outputNames.Count];
            var outValues = stackalloc nint[outputNames.Count];
            for (var i = 0; i < inputNames.Count; i++)
            {
                inNames[i] = Marshal.StringToCoTaskMemUTF8(inputNames[i]);
                names.Add(inNames[i]);
                inValues[i] = inputs[i].Handle;
            }
            for (var i = 0; i < outputNames.Count; i++)
            {
                outNames[i] = Marshal.StringToCoTaskMemUTF8(outputNames[i]);
                names.Add(outNames[i]);
                outValues[i] = 0;
            }
            api.Check(api.Run(_session.DangerousGetHandle(), 0, inNames, inValues, (nuint)inputs.Count, outNames, (nuint)outputNames.Count, outValues));
            var result = new OrtValue[outputNames.Count];
            for (var i = 0; i < result.Length; i++) result[i] = new OrtValue(_runtime, new OrtHandle(outValues[i], api.ReleaseValue));
            return result;
        }
        finally
        {
            foreach (var n in names) Marshal.FreeCoTaskMem(n);
        }
    }

    private string[] ReadNames(delegate* unmanaged<nint, nuint*, nint> count, delegate* unmanaged<nint, nuint, nint, byte**, nint> name)
    {
        var api = _runtime.Api;
        nuint n;
        api.Check(count(_session.DangerousGetHandle(), &n));
        nint allocator;
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator));
        var names = new string[(int)n];
        for (nuint i = 0; i < n; i++)
        {
            byte* text;
            api.Check(name(_session.DangerousGetHandle(), i, allocator, &text));
            using var owned = new OrtAllocatedString(api, allocator, text);
            names[(int)i] = owned.ToString();
        }
        return names;
    }

    public void Dispose() => _session.Dispose();
}
