using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// Whether ONNX Runtime's CUDA execution provider can run here, and if not, what is missing:
/// a GPU build of the plugin, or the CUDA 13 / cuDNN 9 libraries that ONNX Runtime 1.32's
/// provider loads. Checked before a session is made, so the user reads names, not a loader error.
/// </summary>
internal static class CudaProvider
{
    public const string Name = "CUDAExecutionProvider";

    /// <summary>The libraries by the names the provider's loader asks for (driver, CUDA 13 runtime and BLAS, cuDNN 9).</summary>
    public static IReadOnlyList<string> Libraries { get; } = OperatingSystem.IsWindows()
        ? ["nvcuda.dll", "cudart64_13.dll", "cublas64_13.dll", "cublasLt64_13.dll", "cudnn64_9.dll"]
        : ["libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcudnn.so.9"];

    /// <summary>The native package this build of the plugin carries (set by the build from -p:OnnxRuntimeDevice).</summary>
    public static string Package { get; } = typeof(CudaProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "OnnxRuntimeNativePackage")?.Value ?? "unknown";

    /// <summary>Null when the CUDA provider can be added; else what is missing and what to do.</summary>
    public static string? Missing()
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(Name, StringComparer.Ordinal))
            return $"this build of the plugin carries the CPU-only ONNX Runtime ({Package}); rebuild it with the GPU package: dotnet build plugins/Onnx/Onnx.csproj -c Release -p:OnnxRuntimeDevice=cuda";
        return MissingLibraries(Libraries);
    }

    /// <summary>Null when every library loads; else the ones that do not, named.</summary>
    public static string? MissingLibraries(IEnumerable<string> libraries)
    {
        var missing = libraries.Where(l => !Loads(l)).ToList();
        return missing.Count == 0 ? null
            : $"ONNX Runtime 1.32's CUDA provider needs CUDA 13 and cuDNN 9, and {string.Join(", ", missing)} cannot be loaded "
              + "(install the NVIDIA driver, CUDA 13 and cuDNN 9 for CUDA 13, and put their libraries on the loader's path)";
    }

    private static bool Loads(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }
}
