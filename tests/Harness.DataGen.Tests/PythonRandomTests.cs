using System.Text.Json;

namespace Harness.DataGen.Tests;

/// <summary>
/// The C# port of Python's random.Random(seed).shuffle against python-shuffle.json, which CPython
/// wrote (the script is in the file's made_by; regenerate it with /usr/bin/python3 if ever needed).
/// </summary>
public class PythonRandomTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(RepositoryRoot.PathOf("tests", "Harness.DataGen.Tests", "python-shuffle.json"))).RootElement;

    [Test]
    public void Mersenne_twister_words_match_getrandbits_32()
    {
        var random = new PythonRandom(ValidationSplit.Seed);
        var expected = Fixture.GetProperty("first_words_seed_20241002").EnumerateArray().Select(e => e.GetUInt32()).ToArray();

        Assert.That(expected.Select(_ => random.NextUInt32()), Is.EqualTo(expected));
    }

    [Test]
    public void Shuffle_matches_python()
    {
        foreach (var shuffle in Fixture.GetProperty("shuffles").EnumerateArray())
        {
            var order = Enumerable.Range(0, shuffle.GetProperty("n").GetInt32()).ToList();
            new PythonRandom(shuffle.GetProperty("seed").GetUInt64()).Shuffle(order);

            Assert.That(order, Is.EqualTo(shuffle.GetProperty("order").EnumerateArray().Select(e => e.GetInt32())));
        }
    }

    [Test]
    public void Validation_indices_are_the_rows_the_distilled_students_held_out()
    {
        var expected = Fixture.GetProperty("heldout_8252_seed_20241002").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        Assert.That(expected, Has.Length.EqualTo(825));
        Assert.That(ValidationSplit.Indices(8252), Is.EqualTo(expected));
    }
}
