using Harness.Reports.Analysis;

namespace Harness.Core.Tests.Reports.Analysis;

public class SettingTextTests
{
    [Test]
    public void A_raw_output_with_a_lone_surrogate_shows_its_escape_instead_of_a_silent_replacement()
    {
        Assert.That(SettingText.Raw("{\"name\":\"\ud800\"}\ud83d\ude00\udc00"), Is.EqualTo("{\"name\":\"\\ud800\"}\ud83d\ude00\\udc00"));
    }

    [Test]
    public void A_long_raw_output_is_cut_between_surrogate_pairs_not_inside_one()
    {
        var raw = new string('a', 8) + "\ud83d\ude00" + new string('b', 10);

        var shown = SettingText.Raw(raw, max: 10);

        Assert.That(shown, Is.EqualTo(new string('a', 8) + "…"));
    }
}
