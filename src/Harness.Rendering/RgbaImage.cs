namespace Harness.Rendering;

/// <summary>An 8-bit sRGB image, four bytes a pixel (red, green, blue, unpremultiplied alpha), rows top to bottom.</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != width * height * 4)
            throw new ArgumentException($"A {width}×{height} image needs {width * height * 4} bytes, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>RGBA bytes, <c>(y * Width + x) * 4</c> for a pixel's red.</summary>
    public byte[] Pixels { get; }

    public int PixelCount => Width * Height;

    /// <summary>A copy with its own pixel array.</summary>
    public RgbaImage Clone() => new(Width, Height, (byte[])Pixels.Clone());
}
