using Harness.Plugins.Shared.T5;

namespace Harness.Plugins.HfT5.Tests;

public class SafeTensorsTests
{
    [Test]
    public void F16_and_BF16_tensors_are_widened_to_float32()
    {
        var path = Path.GetTempFileName();
        try
        {
            float[] values = [1f, -2.5f, 0.125f, 1024f];
            var checkpoint = new Checkpoint();
            checkpoint.Tensors["half"] = ("F16", [2, 2], [.. values.SelectMany(v => BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)v)))]);
            checkpoint.Tensors["brain"] = ("BF16", [4], [.. values.SelectMany(v => BitConverter.GetBytes((ushort)(BitConverter.SingleToInt32Bits(v) >>> 16)))]);
            checkpoint.Tensors["single"] = ("F32", [4], [.. values.SelectMany(BitConverter.GetBytes)]);
            checkpoint.Write(path);
            var file = SafeTensorsFile.Open(path);
            Assert.Multiple(() =>
            {
                Assert.That(file.Read("half", 2, 2), Is.EqualTo(values));
                Assert.That(file.Read("brain", 4), Is.EqualTo(values));
                Assert.That(file.Read("single", 4), Is.EqualTo(values));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void An_unsupported_dtype_is_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            var checkpoint = new Checkpoint();
            checkpoint.Tensors["ints"] = ("I64", [2], new byte[16]);
            checkpoint.Write(path);
            var e = Assert.Throws<Harness.Backends.BackendException>(() => SafeTensorsFile.Open(path));
            Assert.That(e!.Message, Does.StartWith(path).And.Contain("'ints' has dtype I64"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
