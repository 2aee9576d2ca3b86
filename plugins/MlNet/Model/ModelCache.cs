using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Harness.Plugins.MlNet.Model;

/// <summary>
/// Where a trained model is kept: <c>&lt;cache&gt;/mlnet-&lt;key&gt;.zip</c>, the key being the
/// SHA-256 of the train file's and the catalogue's SHA-256 and every setting that changes the
/// model (features, trainers, seed, model format). Same inputs, same file: a second run loads it.
/// </summary>
internal static class ModelCache
{
    public static string PathFor(string folder, string trainSha256, string filtersSha256, string settings)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"format={ModelSettings.CurrentFormat}|train={trainSha256}|filters={filtersSha256}|{settings}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(folder, $"mlnet-{hash[..16]}.zip");
    }
}
