using System.Numerics.Tensors;

namespace Harness.Plugins.HfT5.Model;

/// <summary>The vector kernels of the forward pass, over <see cref="TensorPrimitives"/>.</summary>
internal sealed class Ops(int threads)
{
    // Below this many multiply-adds a product runs on one thread: scheduling would cost more.
    private const long ParallelWork = 1 << 16;
    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = Math.Max(1, threads) };

    /// <summary>y = W x, with W row-major [y.Length, x.Length] (a PyTorch Linear weight).</summary>
    public void MatVec(float[] w, ReadOnlySpan<float> x, Span<float> y)
    {
        var cols = x.Length;
        var rows = y.Length;
        if (_parallel.MaxDegreeOfParallelism == 1 || (long)rows * cols < ParallelWork)
        {
            for (var r = 0; r < rows; r++) y[r] = TensorPrimitives.Dot(w.AsSpan(r * cols, cols), x);
            return;
        }
        var input = x.ToArray();
        var output = new float[rows];
        var chunks = _parallel.MaxDegreeOfParallelism * 4;
        var chunk = (rows + chunks - 1) / chunks;
        Parallel.For(0, chunks, _parallel, c =>
        {
            var end = Math.Min(rows, (c + 1) * chunk);
            for (var r = c * chunk; r < end; r++) output[r] = TensorPrimitives.Dot(w.AsSpan(r * cols, cols), input);
        });
        output.CopyTo(y);
    }

    /// <summary>T5's layer norm: x / sqrt(mean(x^2) + eps) * weight, without mean subtraction or bias.</summary>
    public static void RmsNorm(ReadOnlySpan<float> x, float[] weight, float eps, Span<float> y)
    {
        var variance = TensorPrimitives.SumOfSquares(x) / x.Length;
        var scale = 1f / MathF.Sqrt(variance + eps);
        TensorPrimitives.Multiply(x, scale, y);
        TensorPrimitives.Multiply(y, weight, y);
    }

    /// <summary>In-place softmax, shifted by the maximum for stability.</summary>
    public static void Softmax(Span<float> scores)
    {
        var max = TensorPrimitives.Max(scores);
        TensorPrimitives.Subtract(scores, max, scores);
        TensorPrimitives.Exp(scores, scores);
        TensorPrimitives.Divide(scores, TensorPrimitives.Sum(scores), scores);
    }

    /// <summary>gate = gelu_new(gate) * linear: the tanh-approximated GELU of Hugging Face's "gated-gelu".</summary>
    public static void GatedGelu(Span<float> gate, ReadOnlySpan<float> linear)
    {
        const float c = 0.7978845608028654f; // sqrt(2 / pi)
        for (var i = 0; i < gate.Length; i++)
        {
            var x = gate[i];
            gate[i] = 0.5f * x * (1f + MathF.Tanh(c * (x + 0.044715f * x * x * x)));
        }
        TensorPrimitives.Multiply(gate, linear, gate);
    }

    /// <summary>The first index of the largest value (as PyTorch's argmax).</summary>
    public static int ArgMax(ReadOnlySpan<float> values) => TensorPrimitives.IndexOfMax(values);
}
