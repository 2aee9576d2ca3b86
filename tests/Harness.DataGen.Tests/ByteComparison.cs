using System.Text;

namespace Harness.DataGen.Tests;

/// <summary>Byte-for-byte file comparison that reports the first differing line rather than a 4 MB array dump.</summary>
internal static class ByteComparison
{
    public static string? FirstDifference(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return null;
        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            if (expectedLines[i] != actualLines[i])
                return $"line {i + 1} differs:\n  expected: {Clip(expectedLines[i])}\n  actual:   {Clip(actualLines[i])}";
        }
        return $"{expectedLines.Length} lines expected, {actualLines.Length} found";
    }

    private static string Clip(string line) => line.Length <= 300 ? line : line[..300] + "...";
}
