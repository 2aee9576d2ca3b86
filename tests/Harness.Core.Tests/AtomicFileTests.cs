namespace Harness.Core.Tests;

public class AtomicFileTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "atomic-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_rewrite_replaces_the_whole_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "run.json");
        File.WriteAllText(path, "old and longer text");

        AtomicFile.WriteAllText(path, "new");

        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void A_symbolic_link_is_followed_and_stays_a_link()
    {
        var target = Path.Combine(_dir, "target.json");
        var link = Path.Combine(_dir, "link.json");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "new");

        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
    }

    [Test]
    public void A_full_device_is_written_to_not_replaced_so_its_error_surfaces()
    {
        Assume.That(File.Exists("/dev/full"), "needs /dev/full (Linux)");

        Assert.That(() => AtomicFile.WriteAllText("/dev/full", "x"), Throws.InstanceOf<IOException>());
        Assert.That(File.ResolveLinkTarget("/dev/full", false), Is.Null);
        Assert.That(new FileInfo("/dev/full").Length, Is.EqualTo(0), "still the device, not a file");
    }
}
