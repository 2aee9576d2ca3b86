namespace Harness.Rendering;

/// <summary>
/// A separable box blur repeated <c>passes</c> times (three passes approximate a Gaussian),
/// edges clamped. Running sums in a fixed order: the same bits on every machine.
/// </summary>
internal static class BoxBlur
{
    public static double[] Blur(double[] plane, int width, int height, int radius, int passes)
    {
        var current = (double[])plane.Clone();
        var scratch = new double[plane.Length];
        var line = new double[Math.Max(width, height)];
        for (var pass = 0; pass < passes; pass++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++) line[x] = current[y * width + x];
                BlurLine(line, width, radius, scratch, y * width, 1);
            }
            for (var x = 0; x < width; x++)
            {
                for (var y = 0; y < height; y++) line[y] = scratch[y * width + x];
                BlurLine(line, height, radius, current, x, width);
            }
        }
        return current;
    }

    private static void BlurLine(double[] line, int length, int radius, double[] output, int start, int stride)
    {
        var last = length - 1;
        double sum = 0;
        for (var j = -radius; j <= radius; j++) sum += line[Math.Clamp(j, 0, last)];
        var scale = 1.0 / (2 * radius + 1);
        for (var i = 0; i < length; i++)
        {
            output[start + i * stride] = sum * scale;
            sum += line[Math.Min(i + radius + 1, last)] - line[Math.Max(i - radius, 0)];
        }
    }
}
