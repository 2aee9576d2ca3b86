using SkiaSharp;

namespace Harness.Rendering;

/// <summary>Decodes, resizes and encodes images with SkiaSharp; the colour maths is the renderer's own.</summary>
public static class ImageFile
{
    /// <summary>Reads an image (PNG, JPEG, WebP, ...) as 8-bit RGBA; an error naming the file when it is not one.</summary>
    public static RgbaImage Read(string path)
    {
        if (!File.Exists(path)) throw new RenderingException($"{path}: the image does not exist.");
        using var codec = SKCodec.Create(path, out var result);
        if (codec is null)
            throw new RenderingException($"{path}: not an image SkiaSharp can decode (PNG, JPEG, WebP, GIF, BMP): {result}.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = SKBitmap.Decode(codec, info)
            ?? throw new RenderingException($"{path}: the image could not be decoded.");
        var pixels = bitmap.Bytes;
        return new RgbaImage(info.Width, info.Height, pixels);
    }

    /// <summary>The image scaled so its long side is <paramref name="longSide"/> pixels (Mitchell cubic); unchanged when it is already that size or smaller.</summary>
    public static RgbaImage Fit(RgbaImage image, int longSide)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = (double)longSide / Math.Max(image.Width, image.Height);
        if (scale >= 1) return image;
        var width = Math.Max(1, (int)Math.Round(image.Width * scale));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale));
        using var source = ToBitmap(image);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
        return new RgbaImage(width, height, resized.Bytes);
    }

    /// <summary>Writes a lossless PNG.</summary>
    public static void WritePng(string path, RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>Writes a lossy WebP (small thumbnails for the report's gallery).</summary>
    public static void WriteWebp(string path, RgbaImage image, int quality = 80) =>
        File.WriteAllBytes(path, EncodeWebp(image, quality));

    /// <summary>A lossy WebP's bytes (thumbnails embedded in a page as <c>data:</c> URIs).</summary>
    public static byte[] EncodeWebp(RgbaImage image, int quality = 80)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, quality)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the WebP.");
        return data.ToArray();
    }

    private static SKBitmap ToBitmap(RgbaImage image)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(image.Pixels, 0, bitmap.GetPixels(), image.Pixels.Length);
        return bitmap;
    }
}
