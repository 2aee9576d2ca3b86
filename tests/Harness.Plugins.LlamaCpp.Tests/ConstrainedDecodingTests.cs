using System.Globalization;
using Harness.Backends;
using Harness.Parsing;
using Harness.Plugins.LlamaCpp.Grammar;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// <c>constrain: json</c> on the fixtures, whose random weights make free decoding gibberish:
/// held to each tool's grammar, every answer parses, within the grammar's token bound, in
/// one batch of many sequences and for the T5 path too.
/// </summary>
public class ConstrainedDecodingTests
{
    [TestCase("llama-tiny", 8, true)]
    [TestCase("t5-tiny", 6, false)] // its random weights answer null to every prompt
    public async Task Every_constrained_answer_of_a_random_model_parses(string fixture, int sequences, bool someObjects)
    {
        Fixture.RequireNativeLibrary();
        var directory = Path.Combine(Path.GetDirectoryName(Fixture.Directory)!, fixture);
        var reference = Fixture.LoadReference(directory);
        var longest = ToolGrammars.All.Max(g => g.MaxTokens);
        var options = Fixture.Options(("model", Path.Combine(directory, fixture + ".gguf")), ("constrain", "json"),
            ("batch_size", sequences.ToString(CultureInfo.InvariantCulture)),
            ("max_new_tokens", longest.ToString(CultureInfo.InvariantCulture)),
            ("context_size", (longest + 64).ToString(CultureInfo.InvariantCulture)));
        await using var backend = await new LlamaCppBackendFactory().CreateAsync(options, Fixture.Context(), CancellationToken.None);
        var requests = reference.Cases.Select((c, i) => new ToolRequest($"ref-{i}", c.Prompt, ToolSchema.All[i % 3], c.Prompt)).ToArray();
        var responses = await backend.GenerateAsync(requests, CancellationToken.None);
        var parser = new OutputParser(["soft_Haze"]);
        for (var i = 0; i < requests.Length; i++)
        {
            var tool = requests[i].Tool;
            Assert.That(parser.Parse(tool, responses[i].Text).Failure, Is.Null, $"{tool}: {responses[i].Text}");
            Assert.That(responses[i].OutputTokens, Is.LessThan(ToolGrammars.For(tool).MaxTokens), responses[i].Text);
        }
        if (someObjects) Assert.That(responses.Count(r => r.Text!.Contains('{', StringComparison.Ordinal)), Is.GreaterThan(requests.Length / 3), string.Join(" / ", responses.Select(r => r.Text)));
        TestContext.Out.WriteLine(string.Join("\n", responses.Select(r => r.Text)));
    }

    [Test]
    public async Task Free_decoding_of_the_same_random_model_does_not_parse()
    {
        Fixture.RequireNativeLibrary();
        await using var backend = await new LlamaCppBackendFactory().CreateAsync(Fixture.Options(("max_new_tokens", "16")), Fixture.Context(), CancellationToken.None);
        var c = Fixture.LoadReference().Cases[0];
        var response = (await backend.GenerateAsync([new ToolRequest("ref", c.Prompt, ToolName.Adjust, c.Prompt)], CancellationToken.None))[0];
        Assert.That(new OutputParser([]).Parse(ToolName.Adjust, response.Text).Failure, Is.Not.Null, response.Text);
    }
}
