using Harness.Plugins.HfT5;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>The shipped student through TorchSharp against the C# engine (HfT5) on the same checkpoint.</summary>
public class AgreementTests
{
    [Test]
    public async Task The_student_writes_the_same_raw_output_as_HfT5_on_at_least_99_percent_of_calls()
    {
        // 200 of the main job's 1,000 intents keep the test short; the main job's report compares all 3,000 calls.
        var requests = Student.Requests(200);
        await using var torch = await Fixture.CreateAsync(Fixture.Student, ("batch_size", "32"));
        await using var reference = await Fixture.CreateAsync(new HfT5BackendFactory(), Fixture.Student, ("threads", "1"));

        var ours = await torch.GenerateAsync(requests, CancellationToken.None);
        var theirs = await reference.GenerateAsync(requests, CancellationToken.None);

        var same = ours.Zip(theirs).Count(p => p.First.Text == p.Second.Text);
        Assert.That(same / (double)requests.Count, Is.GreaterThanOrEqualTo(0.99), $"{same} of {requests.Count} calls identical");
    }
}
