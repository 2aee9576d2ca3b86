using ElfVersionPatch;
using Harness.Backends;
using Harness.Plugins.TorchSharp.Tests.ElfPatch;
using Harness.Plugins.TorchSharpT5.Model;
using Harness.Plugins.TorchSharpT5.Native;
using static TorchSharp.torch;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>LibTorch's loading failures carry the loader's own reason; LibTorch's own errors stay .NET exceptions.</summary>
public class LoaderTests : WorkFolder
{
    [Test]
    public void A_glue_library_that_cannot_load_fails_with_the_loaders_reason_and_what_to_do()
    {
        var path = Path.Combine(Work, LibTorch.GlueFileName);
        File.WriteAllText(path, "not a library");
        var e = Assert.Throws<BackendException>(() => LibTorch.Load(path));
        Assert.That(e!.Message, Does.StartWith($"TorchSharp: cannot load {path}: ").And.Contain("build the plugin again").And.Not.Contain('\n'));
        Assert.That(e.Message, Does.Not.Contain("doesn't contain a reference"), "not TorchSharp's misleading message");
    }

    [Test]
    public void The_unpatched_glue_fails_on_this_system_exactly_when_its_libstdcxx_lacks_GLIBCXX_3_4_32_and_says_so()
    {
        LibTorch.EnsureLoaded(); // LibTorch itself loaded, so only the glue's own needs are checked
        var copy = Path.Combine(Work, LibTorch.GlueFileName);
        File.Copy(RealLibraryTests.PackageGlue, copy);
        var system = SystemLibrary.Find("libstdc++.so.6");
        if (system is not null && SystemLibrary.Defines(system, "GLIBCXX_3.4.32"))
        {
            Assert.DoesNotThrow(() => LibTorch.Load(copy), $"{system} has GLIBCXX_3.4.32");
            return;
        }
        var e = Assert.Throws<BackendException>(() => LibTorch.Load(copy));
        Assert.That(e!.Message, Does.Contain("GLIBCXX_3.4.32").And.Contain("not found").And.Contain("tools/elf-version-patch"));
    }

    [Test]
    public void A_shape_mismatch_in_a_matrix_product_is_an_exception_naming_both_shapes()
    {
        LibTorch.EnsureLoaded();
        using var a = zeros(4, 3);
        using var b = zeros(4, 3);
        var e = Assert.Throws<InvalidOperationException>(() => Guarded.Mm(a, b));
        Assert.That(e!.Message, Is.EqualTo("mm: shapes [4, 3] and [4, 3] do not multiply"));
        Assert.Throws<InvalidOperationException>(() => Guarded.Bmm(zeros(2, 4, 3), zeros(3, 3, 4)));
    }
}
