using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Harness.Parsing;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Parsing;

public class ToolSettingJsonTests
{
    [Test]
    public void Canonical_json_lists_every_parameter_in_order_with_invariant_numbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var adjust = new VectorSetting(ToolName.Adjust, [0, 10.5, 10, 20, -10, 15, 15, 30, 10, 0, 0, 0, 0, 0]);
            Assert.That(ToolSettingJson.ToJson(adjust), Is.EqualTo(
                "{\"exposure\":0,\"contrast\":10.5,\"brightness\":10,\"highlights\":20,\"shadows\":-10,\"saturation\":15,\"vibrance\":15,\"temperature\":30,\"tint\":10,\"hue\":0,\"bloom\":0,\"sharpen\":0,\"structure\":0,\"linearOffset\":0}"));
            Assert.That(ToolSettingJson.ToJson(new FilterSetting("faded_HighNoon", 40)), Is.EqualTo("{\"name\":\"faded_HighNoon\",\"intensity\":40}"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Selective_adjust_round_trips_through_its_nested_json()
    {
        var setting = new VectorSetting(ToolName.SelectiveAdjust, [.. Enumerable.Range(1, 12).Select(i => (double)(i * 5 - 30))]);
        var json = ToolSettingJson.ToJson(setting);
        Assert.That(json, Does.StartWith("{\"red\":{\"saturation\":-25,\"luminance\":-20},\"orange\":"));
        using var doc = JsonDocument.Parse(json);
        Assert.That(ToolSettingJson.Read(ToolName.SelectiveAdjust, doc.RootElement), Is.EqualTo(setting));
    }

    [Test]
    public void Reading_the_teacher_example_matches_the_dataset_loader()
    {
        using var doc = JsonDocument.Parse(DatasetFixture.Adjust(0, 10, 10, 20, -10, 15, 15, 30, 10));
        var setting = (VectorSetting)ToolSettingJson.Read(ToolName.Adjust, doc.RootElement)!;
        Assert.That(setting.Values, Is.EqualTo(ImmutableArray.Create<double>(0, 10, 10, 20, -10, 15, 15, 30, 10, 0, 0, 0, 0, 0)));
    }

    [Test]
    public void Reading_null_is_not_used_and_a_wrong_shape_is_a_format_error()
    {
        using var doc = JsonDocument.Parse("[null, [1]]");
        Assert.That(ToolSettingJson.Read(ToolName.Filter, doc.RootElement[0]), Is.Null);
        Assert.That(() => ToolSettingJson.Read(ToolName.Filter, doc.RootElement[1]), Throws.TypeOf<FormatException>().With.Message.Contains("wrong_shape"));
    }
}
