using System.Security.Cryptography;
using System.Text;

namespace Harness.Backends;

/// <summary>
/// SHA-256 of files, as lower-case hex: a backend's <see cref="BackendInfo.ModelSha256"/>, and
/// the identity of any input file whose change must be noticed (a train split, a catalogue).
/// </summary>
public static class FileHash
{
    /// <summary>SHA-256 of the file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>SHA-256 of the file's bytes, read asynchronously (a model file of gigabytes).</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// One SHA-256 over a model made of several files, in the order given: each file adds its
    /// name (without folder) and a line feed, then its bytes. Renaming or reordering the files changes it.
    /// </summary>
    public static string Sha256OfNamedFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var path in paths)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\n"));
            using var stream = File.OpenRead(path);
            int read;
            while ((read = stream.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
