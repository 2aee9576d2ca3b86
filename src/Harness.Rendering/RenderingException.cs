namespace Harness.Rendering;

/// <summary>
/// Bad rendering input the user must fix: a settings file, an image, a <c>.cube</c> file or a
/// filter with no LUT. The message names the file (and line, where there is one).
/// </summary>
public sealed class RenderingException : Exception
{
    public RenderingException(string message) : base(message) { }

    public RenderingException(string message, Exception innerException) : base(message, innerException) { }

    public RenderingException() { }
}
