using static TorchSharp.torch;

namespace Harness.Plugins.TorchSharpT5.Model;

/// <summary>
/// The matrix products the model uses, with shapes checked in C# first. TorchSharp 0.107's
/// <c>Tensor.matmul</c> has no C++ try/catch, so a shape mismatch there aborts the whole process;
/// the model never calls it, and <c>mm</c>/<c>bmm</c> (which do throw) are checked here as well so
/// that a mistake is an exception naming both shapes.
/// </summary>
internal static class Guarded
{
    /// <summary>[n, k] x [k, m] → [n, m].</summary>
    public static Tensor Mm(Tensor a, Tensor b)
    {
        if (a.dim() != 2 || b.dim() != 2 || a.shape[1] != b.shape[0]) throw Mismatch("mm", a, b);
        return a.mm(b);
    }

    /// <summary>[batch, n, k] x [batch, k, m] → [batch, n, m].</summary>
    public static Tensor Bmm(Tensor a, Tensor b)
    {
        if (a.dim() != 3 || b.dim() != 3 || a.shape[0] != b.shape[0] || a.shape[2] != b.shape[1]) throw Mismatch("bmm", a, b);
        return a.bmm(b);
    }

    private static InvalidOperationException Mismatch(string op, Tensor a, Tensor b) =>
        new($"{op}: shapes [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}] do not multiply");
}
