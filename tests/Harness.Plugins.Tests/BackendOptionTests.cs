using System.Security.Cryptography;
using System.Text;
using Harness.Backends;

namespace Harness.Plugins.Tests;

/// <summary>The contract's option descriptor and file hash, which every plugin uses.</summary>
public class BackendOptionTests
{
    private static BackendOptions Given(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value), "eval.yaml: backends[0] (x)");

    [Test]
    public void An_option_lists_the_default_it_reads()
    {
        var threads = BackendOption.Int32("threads", "Threads.", 4, 0, 64);
        var check = BackendOption.Boolean("check", "Check.", true);
        var temperature = BackendOption.Double("temperature", "T.", 0.5);

        Assert.That(threads.Info, Is.EqualTo(new BackendOptionInfo("threads", "Threads.", "4")));
        Assert.That((threads.Read(Given()), check.Info.DefaultValue, check.Read(Given())), Is.EqualTo((4, "true", true)));
        Assert.That((temperature.Info.DefaultValue, temperature.Read(Given())), Is.EqualTo(("0.5", 0.5)));
        Assert.That(threads.Read(Given(("threads", "8"))), Is.EqualTo(8));
    }

    [Test]
    public void Required_optional_and_text_options_list_as_required_optional_and_default()
    {
        Assert.That(BackendOption.Required("model", "M.").Info.Required, Is.True);
        Assert.That(BackendOption.Optional("train", "T.").Info.DefaultValue, Is.EqualTo(""));
        Assert.That(BackendOption.Optional("filters", "F.", "filters.txt beside 'train'").Read(Given()), Is.Null);
        Assert.That(BackendOption.Text("cache", "C.", "artifacts/cache").Read(Given()), Is.EqualTo("artifacts/cache"));
    }

    [Test]
    public void A_wrong_value_is_the_standard_message_naming_source_and_option()
    {
        var threads = BackendOption.Int32("threads", "Threads.", 0, 0, 64);
        var device = BackendOption.Choice("device", "Device.", "cpu", "cpu", "cuda");

        Assert.That(() => threads.Read(Given(("threads", "many"))), Throws.InstanceOf<BackendException>().With.Message
            .EqualTo("eval.yaml: backends[0] (x): option 'threads' must be a whole number from 0 to 64, not 'many'."));
        Assert.That(() => device.Read(Given(("device", "tpu"))), Throws.InstanceOf<BackendException>().With.Message
            .EqualTo("eval.yaml: backends[0] (x): option 'device' must be one of cpu, cuda, not 'tpu'."));
        Assert.That(device.Read(Given(("device", "CUDA"))), Is.EqualTo("cuda"));
        Assert.That(() => BackendOption.Required("model", "M.").Read(Given()), Throws.InstanceOf<BackendException>().With.Message
            .EqualTo("eval.yaml: backends[0] (x): option 'model' is required."));
    }

    [Test]
    public async Task File_hash_is_the_sha256_of_the_bytes_and_named_files_hash_name_then_bytes()
    {
        var folder = Directory.CreateTempSubdirectory("filehash-");
        try
        {
            var a = Path.Combine(folder.FullName, "a.bin");
            var b = Path.Combine(folder.FullName, "b.bin");
            File.WriteAllBytes(a, [1, 2, 3]);
            File.WriteAllBytes(b, [4]);
            var expected = Convert.ToHexStringLower(SHA256.HashData((byte[])[1, 2, 3]));
            var named = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("a.bin\n"), 1, 2, 3, .. Encoding.UTF8.GetBytes("b.bin\n"), 4]));

            Assert.That(FileHash.Sha256(a), Is.EqualTo(expected));
            Assert.That(await FileHash.Sha256Async(a, CancellationToken.None), Is.EqualTo(expected));
            Assert.That(FileHash.Sha256OfNamedFiles([a, b]), Is.EqualTo(named));
            Assert.That(FileHash.Sha256OfNamedFiles([b, a]), Is.Not.EqualTo(named));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
