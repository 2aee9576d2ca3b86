namespace Harness.Tokenizers.Tests;

public class T5ConfigTests
{
    private string _work = "";

    [SetUp]
    public void MakeWorkFolder() => _work = Directory.CreateTempSubdirectory("t5-config-").FullName;

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Reads_the_fixture_config_as_written_by_the_fixture_script()
    {
        var config = T5Config.Read(Path.Combine(Fixture.Folder, "config.json"));
        Assert.That(config, Is.EqualTo(new T5Config(2, 4, 8, 384, 0, 1, 0)
        {
            DModel = 32, DFf = 64, NumLayers = 2, RelativeAttentionNumBuckets = 32, RelativeAttentionMaxDistance = 128,
            LayerNormEpsilon = 1e-6f, TieWordEmbeddings = false, FeedForwardProj = "gated-gelu",
        }));
    }

    [Test]
    public void Absent_keys_take_Hugging_Face_s_T5_defaults()
    {
        var path = Write("""{"model_type": "t5", "num_layers": 3, "num_heads": 2, "d_kv": 4, "vocab_size": 10}""");
        var config = T5Config.Read(path);
        Assert.That((config.NumDecoderLayers, config.TieWordEmbeddings, config.FeedForwardProj, config.RelativeAttentionNumBuckets, config.LayerNormEpsilon, config.DModel),
            Is.EqualTo((3, true, "relu", 32, 1e-6f, 0)));
    }

    [TestCase("""{"model_type": "bert"}""", "model_type is 'bert'")]
    [TestCase("""{"model_type": "t5", "num_layers": 0}""", "'num_layers' is missing or not a positive whole number")]
    [TestCase("""{"model_type": "t5", "num_layers": 2, "num_heads": 2, "d_kv": 4}""", "'vocab_size'")]
    [TestCase("{ not json", "not valid JSON")]
    public void A_wrong_config_says_which_key_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => T5Config.Read(Write(json)));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    private string Write(string json)
    {
        var path = Path.Combine(_work, "config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
