namespace Harness.Rendering.Tests;

public class CubeFileTests
{
    private static readonly string[] Header = ["# a comment", "TITLE \"tiny\"", "LUT_3D_SIZE 2", "DOMAIN_MIN 0 0 0", "DOMAIN_MAX 1 1 1"];

    private static string[] Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"{i & 1} {(i >> 1) & 1} {(i >> 2) & 1}")];

    [Test]
    public void A_lut_round_trips_through_its_text()
    {
        var lut = CubeLut.Build(5, (r, g, b) => (r * 0.9 + 0.05, Math.Sqrt(g), b * b), "round trip", ["first comment", "second"]);
        var text = CubeFile.ToText(lut);
        var read = CubeFile.Parse(text.Split('\n'), "memory.cube");
        Assert.Multiple(() =>
        {
            Assert.That(read.Size, Is.EqualTo(5));
            Assert.That(read.Title, Is.EqualTo("round trip"));
            Assert.That(read.Comments, Is.EqualTo(new[] { "first comment", "second" }));
            Assert.That(read.Table, Is.EqualTo(lut.Table).Within(1e-6));
            Assert.That(CubeFile.ToText(read), Is.EqualTo(text), "writing what was read gives the same text");
        });
    }

    [Test]
    public void Reads_a_minimal_file_and_looks_up_by_trilinear_interpolation()
    {
        var lut = CubeFile.Parse([.. Header, .. Rows(8)], "tiny.cube");
        var (r, g, b) = lut.Apply(0.25, 0.5, 0.75);
        Assert.That(new[] { r, g, b }, Is.EqualTo(new[] { 0.25, 0.5, 0.75 }).Within(1e-6));
        Assert.That(lut.Apply(-1, 2, 0.5), Is.EqualTo((0.0, 1.0, 0.5)), "outside the domain clamps");
    }

    [Test]
    public void A_domain_scales_the_lookup()
    {
        var lut = CubeFile.Parse(["LUT_3D_SIZE 2", "DOMAIN_MIN 0 0 0", "DOMAIN_MAX 2 2 2", .. Rows(8)], "wide.cube");
        Assert.That(lut.Apply(1, 1, 1).R, Is.EqualTo(0.5).Within(1e-6));
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return new TestCaseData((string[])["LUT_3D_SIZE 2", .. Rows(7)], "malformed.cube:8:", "7 data rows").SetName("too few rows");
        yield return new TestCaseData((string[])["LUT_3D_SIZE 2", .. Rows(9)], "malformed.cube:10:", "more than the 8").SetName("too many rows");
        yield return new TestCaseData(new[] { "LUT_3D_SIZE 2", "0 0 0", "1 x 0" }, "malformed.cube:3:", "\"x\" is not a number").SetName("bad number");
        yield return new TestCaseData(new[] { "LUT_3D_SIZE 2", "0 0" }, "malformed.cube:2:", "three numbers").SetName("two numbers");
        yield return new TestCaseData(new[] { "# c", "LUT_3D_SIZE 1" }, "malformed.cube:2:", "out of range").SetName("size 1");
        yield return new TestCaseData(new[] { "LUT_3D_SIZE 257" }, "malformed.cube:1:", "out of range").SetName("size 257");
        yield return new TestCaseData(new[] { "LUT_3D_SIZE two" }, "malformed.cube:1:", "whole number").SetName("size not a number");
        yield return new TestCaseData(new[] { "0 0 0" }, "malformed.cube:1:", "before LUT_3D_SIZE").SetName("rows before size");
        yield return new TestCaseData(new[] { "# only a comment" }, "malformed.cube:1:", "no LUT_3D_SIZE").SetName("no size");
        yield return new TestCaseData(new[] { "LUT_1D_SIZE 16" }, "malformed.cube:1:", "1D LUT").SetName("1D LUT");
        yield return new TestCaseData(new[] { "LUT_3D_SIZE 2", "SHAPE 3" }, "malformed.cube:2:", "unknown keyword SHAPE").SetName("unknown keyword");
    }

    [TestCaseSource(nameof(Malformed))]
    public void A_malformed_file_is_an_error_with_file_and_line(string[] lines, string location, string message)
    {
        var error = Assert.Throws<RenderingException>(() => CubeFile.Parse(lines, "malformed.cube"));
        Assert.That(error!.Message, Does.StartWith(location).And.Contain(message));
    }

    [Test]
    public void Reading_a_missing_file_names_it()
    {
        var error = Assert.Throws<RenderingException>(() => CubeFile.Read("no/such/dir/look.cube"));
        Assert.That(error!.Message, Does.StartWith("no/such/dir/look.cube:"));
    }
}
