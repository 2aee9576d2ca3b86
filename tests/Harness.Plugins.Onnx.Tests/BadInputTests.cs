using Harness.Backends;

namespace Harness.Plugins.Onnx.Tests;

/// <summary>What a new user sees for each mistake: one BackendException line naming the file or option and what to do.</summary>
public class BadInputTests
{
    private string _work = "";

    [SetUp]
    public void MakeWorkFolder()
    {
        Fixture.RequireNativeLibrary();
        _work = Path.Combine(Path.GetTempPath(), "onnx-bad-input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
    }

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void A_missing_model_folder_is_named_with_what_it_should_hold()
    {
        var missing = Path.Combine(_work, "no-such-model");
        var message = Fails(missing);
        Assert.That(message, Does.Contain("option 'model'").And.Contain(missing).And.Contain("does not exist").And.Contain("encoder_model.onnx"));
    }

    [Test]
    public void A_folder_without_the_decoder_says_which_files_it_needs()
    {
        var folder = CopyOf(Fixture.Split);
        File.Delete(Path.Combine(folder, "decoder_with_past_model.onnx"));
        var message = Fails(folder);
        Assert.That(message, Does.Contain("has no decoder_with_past_model.onnx").And.Contain("decoder_model_merged.onnx"));
    }

    [Test]
    public void An_onnx_file_that_is_not_one_is_named_with_ONNX_Runtime_s_reason()
    {
        var folder = CopyOf(Fixture.Split);
        var encoder = Path.Combine(folder, "encoder_model.onnx");
        File.WriteAllText(encoder, "this is not a model\n");
        var message = Fails(folder);
        Assert.That(message, Does.StartWith(encoder + ": ONNX Runtime cannot load it (").And.Contain("re-export"));
    }

    [Test]
    public void A_decoder_that_is_another_model_is_named_with_what_it_lacks()
    {
        var folder = CopyOf(Fixture.Split);
        var decoder = Path.Combine(folder, "decoder_model.onnx");
        File.Copy(Path.Combine(folder, "encoder_model.onnx"), decoder, overwrite: true);
        var message = Fails(folder);
        Assert.That(message, Does.StartWith(decoder + ": it has no output 'logits'"));
    }

    [Test]
    public void A_tokenizer_json_of_another_model_type_is_refused_by_name()
    {
        var folder = CopyOf(Fixture.Split);
        var tokenizer = Path.Combine(folder, "tokenizer.json");
        File.WriteAllText(tokenizer, """{"version":"1.0","model":{"type":"BPE","vocab":{"a":0},"merges":[]}}""");
        var message = Fails(folder);
        Assert.That(message, Does.StartWith(tokenizer + ": not a T5 SentencePiece (Unigram) tokenizer").And.Contain("'BPE'"));
    }

    [Test]
    public void A_folder_with_spiece_model_but_no_tokenizer_json_says_to_save_one()
    {
        var folder = CopyOf(Fixture.Split);
        File.Delete(Path.Combine(folder, "tokenizer.json"));
        File.Copy(Path.Combine(Fixture.Folder, "spiece.model"), Path.Combine(folder, "spiece.model"));
        Assert.That(Fails(folder), Does.Contain("has no tokenizer.json").And.Contain("save_pretrained").And.Contain("spiece.model alone is not read"));
    }

    [Test]
    public void A_tokenizer_of_another_model_is_refused_with_both_sizes()
    {
        // The shipped student's tokenizer (1035 pieces) beside the fixture's weights (384 rows).
        var folder = CopyOf(Fixture.Split);
        var tokenizer = Path.Combine(folder, "tokenizer.json");
        File.Copy(Path.Combine(Fixture.RepoRoot, "models", "flan-t5-student", "tokenizer.json"), tokenizer, overwrite: true);
        Assert.That(Fails(folder), Does.StartWith(tokenizer + ": has 1035 pieces but config.json's vocab_size is 384").And.Contain("belongs to another model"));
    }

    [Test]
    public void Device_cuda_on_the_CPU_build_fails_naming_the_package_and_the_GPU_build()
    {
        var message = Fails(Fixture.Split, ("device", "cuda"));
        Assert.That(message, Does.Contain("option 'device' is cuda").And.Contain("cannot use CUDA")
            .And.Contain("CPU-only ONNX Runtime (Microsoft.ML.OnnxRuntime)").And.Contain("-p:OnnxRuntimeDevice=cuda"));
    }

    [Test]
    public void Missing_CUDA_libraries_are_named_with_what_to_install()
    {
        // A library that loads (one of the .NET runtime's own) is not named; one that does not is.
        var loads = Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(),
            OperatingSystem.IsWindows() ? "clrjit.dll" : OperatingSystem.IsMacOS() ? "libclrjit.dylib" : "libclrjit.so");
        var message = Generation.CudaProvider.MissingLibraries([loads, "libcudart.so.13-not-here"]);
        Assert.That(message, Does.Contain("libcudart.so.13-not-here").And.Contain("CUDA 13").And.Contain("cuDNN 9").And.Not.Contain(loads));
        Assert.That(Generation.CudaProvider.MissingLibraries([loads]), Is.Null);
        Assert.That(Generation.CudaProvider.Libraries, Has.Some.Contains("cudnn").And.Some.Contains("cudart"));
    }

    [Test]
    public void An_unknown_device_lists_the_valid_ones()
    {
        var message = Fails(Fixture.Split, ("device", "tpu"));
        Assert.That(message, Does.Contain("option 'device' must be one of cpu, cuda"));
    }

    [Test]
    public void Every_message_is_one_line()
    {
        var folder = CopyOf(Fixture.Split);
        File.WriteAllText(Path.Combine(folder, "decoder_model.onnx"), "garbage");
        Assert.That(Fails(folder), Does.Not.Contain('\n'));
    }

    private static string Fails(string model, params (string, string)[] extra)
    {
        var e = Assert.ThrowsAsync<BackendException>(async () => await (await Fixture.CreateAsync(model, extra)).DisposeAsync());
        TestContext.Out.WriteLine(e!.Message);
        return e.Message;
    }

    private string CopyOf(string folder)
    {
        var copy = Path.Combine(_work, Path.GetFileName(folder));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }
}
