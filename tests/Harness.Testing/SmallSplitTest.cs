namespace Harness.Testing;

/// <summary>
/// Base of test classes that each run in a fresh folder holding the small hand-made split
/// (<see cref="DatasetFixture.SmallSplit"/> as test.jsonl, beside filters.txt): written before
/// every test and deleted after it.
/// </summary>
public abstract class SmallSplitTest
{
    /// <summary>The folder of the current test.</summary>
    protected DatasetFixture Fixture { get; private set; } = null!;

    /// <summary>The small split's path, <c>test.jsonl</c> in <see cref="Fixture"/>.</summary>
    protected string SplitPath => Fixture.PathOf("test.jsonl");

    [SetUp]
    public void WriteSmallSplit()
    {
        Fixture = new DatasetFixture();
        Fixture.Write("test.jsonl", DatasetFixture.SmallSplit());
    }

    [TearDown]
    public void DeleteSmallSplit() => Fixture.Dispose();
}
