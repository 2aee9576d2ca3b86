using System.Collections.Immutable;
using System.Text;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen.Tests;

public class DatasetRowWriterTests
{
    [Test]
    public void Writes_a_row_in_the_spec_schema_with_canonical_key_order()
    {
        var row = new DatasetRow(
            "test-00001", "golden hour", 7,
            ImmutableDictionary<ToolName, ToolSetting>.Empty
                .Add(ToolName.Filter, new FilterSetting("faded_HighNoon", 40))
                .Add(ToolName.Adjust, new VectorSetting(ToolName.Adjust, [0, 10, 10, 20, -10, 15, 15, 30, 10, 0, 0, 0, 0, 0])),
            ImmutableDictionary<ToolName, int>.Empty.Add(ToolName.Filter, 2).Add(ToolName.Adjust, 3).Add(ToolName.SelectiveAdjust, 0));

        var text = Encoding.UTF8.GetString(DatasetRowWriter.ToBytes([row]));

        Assert.That(text, Is.EqualTo(
            """{"id":"test-00001","intent":"golden hour","repeats":7,"teacher":{"adjust":{"exposure":0,"contrast":10,"brightness":10,"highlights":20,"shadows":-10,"saturation":15,"vibrance":15,"temperature":30,"tint":10,"hue":0,"bloom":0,"sharpen":0,"structure":0,"linearOffset":0},"selective_adjust":null,"filter":{"name":"faded_HighNoon","intensity":40}},"exports":{"adjust":3,"selective_adjust":0,"filter":2}}"""
            + "\n"));
    }

    [Test]
    public void Writes_selective_adjust_as_colours_with_saturation_and_luminance()
    {
        double[] values = [20, 10, 30, 20, 40, 30, -20, 0, -20, 0, 0, -5];
        var row = new DatasetRow(
            "train-00002", "autumn", 1,
            ImmutableDictionary<ToolName, ToolSetting>.Empty.Add(ToolName.SelectiveAdjust, new VectorSetting(ToolName.SelectiveAdjust, [.. values])),
            null);

        var text = Encoding.UTF8.GetString(DatasetRowWriter.ToBytes([row]));

        Assert.That(text, Does.Contain(
            """selective_adjust":{"red":{"saturation":20,"luminance":10},"orange":{"saturation":30,"luminance":20},"yellow":{"saturation":40,"luminance":30},"green":{"saturation":-20,"luminance":0},"cyan":{"saturation":-20,"luminance":0},"blue":{"saturation":0,"luminance":-5}}"""));
        Assert.That(text, Does.Contain("\"adjust\":null"));
        Assert.That(text, Does.Not.Contain("exports"), "a row without exports writes none");
    }

    [Test]
    public void Writes_one_lf_terminated_line_per_row_and_no_byte_order_mark()
    {
        var rows = GeneratedData.Default.Test.Rows;

        var bytes = DatasetRowWriter.ToBytes(rows);

        Assert.That(bytes[0], Is.EqualTo((byte)'{'));
        Assert.That(bytes.Count(b => b == '\n'), Is.EqualTo(rows.Length));
        Assert.That(bytes, Has.None.EqualTo((byte)'\r'));
        Assert.That(bytes[^1], Is.EqualTo((byte)'\n'));
    }

    [Test]
    public void Non_integral_values_are_written_as_plain_numbers()
    {
        var row = new DatasetRow("x-1", "x", 1,
            ImmutableDictionary<ToolName, ToolSetting>.Empty.Add(ToolName.Filter, new FilterSetting("mono_Classic", 12.5)), null);

        var text = Encoding.UTF8.GetString(DatasetRowWriter.ToBytes([row]));

        Assert.That(text, Does.Contain("\"intensity\":12.5"));
    }
}
