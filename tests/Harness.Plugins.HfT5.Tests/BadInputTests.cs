using Harness.Backends;

namespace Harness.Plugins.HfT5.Tests;

/// <summary>What a new user sees for each mistake: one BackendException line naming the file or option and what to do.</summary>
public class BadInputTests
{
    private string _work = "";

    [SetUp]
    public void MakeWorkFolder() => _work = Directory.CreateTempSubdirectory("hft5-bad-input-").FullName;

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void A_missing_model_folder_is_named_with_what_it_should_hold()
    {
        var missing = Path.Combine(_work, "no-such-model");
        Assert.That(Fails(missing), Does.Contain("option 'model'").And.Contain(missing).And.Contain("does not exist").And.Contain("model.safetensors"));
    }

    [Test]
    public void A_folder_without_model_safetensors_says_how_to_save_one()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        File.Delete(Path.Combine(folder, "model.safetensors"));
        Assert.That(Fails(folder), Does.Contain("has no model.safetensors").And.Contain("safe_serialization=True"));
    }

    [Test]
    public void A_truncated_safetensors_file_is_named_as_truncated()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        var path = Path.Combine(folder, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.That(Fails(folder), Does.StartWith(path + ": ").And.Contain("truncated").And.Contain("tensor '"));
    }

    [Test]
    public void A_file_cut_inside_its_header_is_named_as_truncated()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        var path = Path.Combine(folder, "model.safetensors");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);
        Assert.That(Fails(folder), Does.StartWith(path + ": ").And.Contain("truncated"));
    }

    [Test]
    public void A_header_that_is_not_json_is_named()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        var path = Path.Combine(folder, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        bytes[8] = (byte)'#';
        File.WriteAllBytes(path, bytes);
        Assert.That(Fails(folder), Does.StartWith(path + ": ").And.Contain("not valid JSON"));
    }

    [Test]
    public void A_tensor_with_the_wrong_shape_is_named_with_both_shapes()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        var path = Path.Combine(folder, "model.safetensors");
        var checkpoint = Checkpoint.Read(path);
        const string name = "decoder.block.1.layer.1.EncDecAttention.q.weight";
        var tensor = checkpoint.Tensors[name];
        checkpoint.Tensors[name] = (tensor.DType, [16, 64], tensor.Data);
        checkpoint.Write(path);
        Assert.That(Fails(folder), Does.StartWith(path + ": ").And.Contain($"'{name}'").And.Contain("[16, 64]").And.Contain("[32, 32]"));
    }

    [Test]
    public void A_missing_tensor_is_named()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        var path = Path.Combine(folder, "model.safetensors");
        var checkpoint = Checkpoint.Read(path);
        checkpoint.Tensors.Remove("encoder.block.0.layer.1.DenseReluDense.wi_1.weight");
        checkpoint.Write(path);
        Assert.That(Fails(folder), Does.StartWith(path + ": ").And.Contain("has no tensor 'encoder.block.0.layer.1.DenseReluDense.wi_1.weight'"));
    }

    [Test]
    public void A_tokenizer_of_another_model_is_refused_with_both_sizes()
    {
        // The fixture's tokenizer (384 pieces) beside the shipped student's weights (1035 rows).
        var folder = Path.Combine(_work, "student");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "config.json", "model.safetensors" })
            File.Copy(Path.Combine(Fixture.RepoRoot, "models", "flan-t5-student", name), Path.Combine(folder, name));
        var tokenizer = Path.Combine(folder, "tokenizer.json");
        File.Copy(Path.Combine(Fixture.Folder, "tokenizer.json"), tokenizer);
        Assert.That(Fails(folder), Does.StartWith(tokenizer + ": has 384 pieces but config.json's vocab_size is 1035").And.Contain("belongs to another model"));
    }

    [Test]
    public void Device_cuda_says_to_use_the_Onnx_plugin()
    {
        var message = Fails(Fixture.Folder, ("device", "cuda"));
        Assert.That(message, Does.Contain("HfT5 runs on CPU only; use the Onnx plugin with a CUDA build for GPU"));
    }

    [Test]
    public void A_config_that_is_not_T5_v1_1_is_named()
    {
        var folder = Fixture.CopyCheckpoint(_work);
        var config = Path.Combine(folder, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"gated-gelu\"", "\"relu\""));
        Assert.That(Fails(folder), Does.StartWith(config + ": ").And.Contain("feed_forward_proj is 'relu'"));
    }

    private static string Fails(string folder, params (string, string)[] extra)
    {
        var e = Assert.ThrowsAsync<BackendException>(async () => await Fixture.CreateAsync(folder, extra));
        Assert.That(e!.Message, Does.Not.Contain('\n'));
        return e.Message;
    }
}
