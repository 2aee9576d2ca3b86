namespace Harness.Core.Tests;

public class SafeNameTests
{
    [TestCase("teacher")]
    [TestCase("flan-t5_student.v2")]
    [TestCase("20241002-120000")]
    [TestCase("single-stream")]
    [TestCase("café")]
    public void Letters_digits_dashes_underscores_and_dots_are_safe(string name) =>
        Assert.That(SafeName.IsSafe(name), Is.True);

    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("../../x")]
    [TestCase("/tmp/x")]
    [TestCase("a\\b")]
    [TestCase("C:")]
    [TestCase("a b")]
    [TestCase("a\tb")]
    [TestCase("a\nb")]
    [TestCase("a\u0001b")]
    [TestCase("a\u202eb")]
    [TestCase("<script>")]
    [TestCase("a|b")]
    [TestCase("a`b")]
    [TestCase("a*b")]
    [TestCase("a&b")]
    public void Separators_control_characters_markup_and_dot_names_are_not(string name) =>
        Assert.That(SafeName.IsSafe(name), Is.False);

    [Test]
    public void A_name_longer_than_100_characters_is_not_safe()
    {
        Assert.That(SafeName.IsSafe(new string('a', 100)), Is.True);
        Assert.That(SafeName.IsSafe(new string('a', 101)), Is.False);
    }

    [Test]
    public void The_error_names_the_place_and_shows_control_characters_escaped_on_one_line()
    {
        var error = Assert.Throws<InputException>(() => SafeName.Check("a\nb\u0007\u202e", "--run-id"))!;

        Assert.That(error.Message, Does.StartWith("--run-id: 'a\\nb\\u0007\\u202e' must be a folder-safe name (1 to 100 letters"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }
}
