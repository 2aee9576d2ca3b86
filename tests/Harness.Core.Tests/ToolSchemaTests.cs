using Harness.Tools;

namespace Harness.Core.Tests;

public class ToolSchemaTests
{
    [Test]
    public void Wire_names_round_trip_in_canonical_order()
    {
        Assert.That(ToolSchema.All.Select(t => t.WireName()), Is.EqualTo(new[] { "adjust", "selective_adjust", "filter" }));
        foreach (var tool in ToolSchema.All)
        {
            Assert.That(ToolSchema.TryParse(tool.WireName(), out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(tool));
        }
        Assert.That(ToolSchema.TryParse("Adjust", out _), Is.False, "wire names are ordinal");
    }

    [Test]
    public void Selective_vector_is_colour_major_saturation_then_luminance()
    {
        Assert.That(ToolSchema.SelectiveParameters, Has.Length.EqualTo(12));
        Assert.That(ToolSchema.SelectiveParameters[0], Is.EqualTo("red.saturation"));
        Assert.That(ToolSchema.SelectiveParameters[1], Is.EqualTo("red.luminance"));
        Assert.That(ToolSchema.SelectiveParameters[11], Is.EqualTo("blue.luminance"));
        Assert.That(ToolSchema.AdjustParameters, Has.Length.EqualTo(14));
    }

    [Test]
    public void Vector_setting_rejects_a_vector_of_the_wrong_length()
    {
        Assert.That(() => new VectorSetting(ToolName.Adjust, [1, 2, 3]), Throws.ArgumentException);
    }
}
