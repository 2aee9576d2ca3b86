using System.Globalization;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Plugins.LlamaCpp.Generation;
using Harness.Plugins.LlamaCpp.Grammar;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// The <c>constrain: json</c> grammars (<see cref="ToolGrammars"/>): their text is approved,
/// llama.cpp parses each one (an invalid grammar would take this test process down, which
/// fails the run as surely), every answer the students were trained to give is allowed, and
/// text the harness parser rejects is refused, as llama.cpp's own sampler judges it.
/// </summary>
public class GrammarTests
{
    private static readonly OutputParser Parser = new(File.ReadLines(Path.Combine(RepositoryRoot.Path, "datasets", "tonal-color", "filters.txt")));

    [TestCase(ToolName.Adjust)]
    [TestCase(ToolName.SelectiveAdjust)]
    [TestCase(ToolName.Filter)]
    public void The_grammar_text_of_each_tool_is_approved(ToolName tool) =>
        Approvals.Verify(ToolGrammars.For(tool).Text, $"{tool.WireName()}.approved.gbnf");

    [Test]
    public void The_longest_answer_is_every_key_at_its_longest_value_with_every_optional_space()
    {
        var adjust = " { " + string.Join(", ", ToolSchema.AdjustParameters.Select(p => $"\"{p}\": -100")) + " }";
        var colour = "{ \"saturation\": -100, \"luminance\": -100 }";
        var selective = " { " + string.Join(", ", ToolSchema.SelectiveColors.Select(c => $"\"{c}\": {colour}")) + " }";
        var filter = " { \"name\": \"" + new string('x', 48) + "\", \"intensity\": 100 }";
        Assert.That(ToolGrammars.For(ToolName.Adjust).MaxBytes, Is.EqualTo(adjust.Length));
        Assert.That(ToolGrammars.For(ToolName.SelectiveAdjust).MaxBytes, Is.EqualTo(selective.Length));
        Assert.That(ToolGrammars.For(ToolName.Filter).MaxBytes, Is.EqualTo(filter.Length));
    }

    [Test]
    public void Every_teacher_answer_of_the_test_split_in_the_students_form_is_allowed()
    {
        using var model = LoadModel();
        var dataset = DatasetLoader.Load(Path.Combine(RepositoryRoot.Path, "datasets", "tonal-color", "test.jsonl"));
        var refused = dataset.Rows
            .SelectMany(r => ToolSchema.All.Select(t => (Tool: t, Text: StudentForm(r.TeacherFor(t)))))
            .Where(a => !GrammarMatcher.Allows(model.Handle, a.Tool, a.Text))
            .Select(a => $"{a.Tool}: {a.Text}")
            .ToList();
        Assert.That(refused, Is.Empty);
    }

    // Each text: whether the harness parser applies it without a failure, and so whether the grammar must allow it.
    [TestCase(ToolName.Adjust, "null", true)]
    [TestCase(ToolName.Adjust, "{\"exposure\":0,\"contrast\":10,\"brightness\":10,\"highlights\":20,\"shadows\":-10,\"saturation\":15,\"vibrance\":15,\"temperature\":30,\"tint\":10,\"hue\":0,\"bloom\":0,\"sharpen\":0,\"structure\":0,\"linearOffset\":0}", true)]
    [TestCase(ToolName.SelectiveAdjust, "{ \"red\": { \"luminance\": 100 } }", true)]
    [TestCase(ToolName.Filter, "{\"name\": \"soft_Haze\"}", true)]
    [TestCase(ToolName.Adjust, "{\"contrast\": -35, \"shadows\":", false)]
    [TestCase(ToolName.Adjust, "{\"contrast\": \"10\"}", false)]
    [TestCase(ToolName.Adjust, "{\"contrast\": 10}}", false)]
    [TestCase(ToolName.Adjust, "{\"contrast\": -}", false)]
    [TestCase(ToolName.Adjust, "[10, 20]", false)]
    [TestCase(ToolName.SelectiveAdjust, "{\"red\": 5}", false)]
    [TestCase(ToolName.SelectiveAdjust, "{\"red\": {\"saturation\": \"warm_Amber\"}}", false)]
    [TestCase(ToolName.Filter, "{\"intensity\": 40}", false)]
    [TestCase(ToolName.Filter, "{\"name\": 5}", false)]
    [TestCase(ToolName.Filter, "{\"name\": \"soft_Haze\", \"intensity\":\", \"intensity\": 60}", false)]
    public void The_grammar_allows_these_answers_the_parser_applies_and_refuses_text_it_rejects(ToolName tool, string text, bool applies)
    {
        using var model = LoadModel();
        Assert.That(Parser.Parse(tool, text).Failure is null, Is.EqualTo(applies), "what the parser does");
        Assert.That(GrammarMatcher.Allows(model.Handle, tool, text), Is.EqualTo(applies));
    }

    /// <summary>The distillation targets (tools/distill/data.py <c>compact</c>): non-zero values in canonical order, ", " and ": ".</summary>
    private static string StudentForm(ToolSetting? setting)
    {
        static string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        switch (setting)
        {
            case null:
                return "null";
            case FilterSetting f:
                return $"{{\"name\": \"{f.Name}\", \"intensity\": {N(f.Intensity)}}}";
            case VectorSetting { Tool: ToolName.Adjust } a:
                var kept = a.Values.Select((v, i) => (v, i)).Where(x => x.v != 0).Select(x => $"\"{ToolSchema.AdjustParameters[x.i]}\": {N(x.v)}").ToList();
                return kept.Count == 0 ? "{\"exposure\": 0}" : $"{{{string.Join(", ", kept)}}}";
            case VectorSetting s:
                var colours = ToolSchema.SelectiveColors.Select((c, ci) => (c, inner: ToolSchema.SelectiveChannels
                        .Select((ch, k) => (ch, v: s.Values[(ci * 2) + k])).Where(x => x.v != 0).Select(x => $"\"{x.ch}\": {N(x.v)}").ToList()))
                    .Where(x => x.inner.Count > 0).Select(x => $"\"{x.c}\": {{{string.Join(", ", x.inner)}}}").ToList();
                return colours.Count == 0 ? "{\"red\": {\"saturation\": 0}}" : $"{{{string.Join(", ", colours)}}}";
            default:
                throw new ArgumentOutOfRangeException(nameof(setting));
        }
    }

    private static LlamaModel LoadModel()
    {
        Fixture.RequireNativeLibrary();
        Runtime.LlamaRuntime.Load(Fixture.PluginDirectory, cuda: false, "test");
        return LlamaModel.Load(Fixture.ModelPath, 0, "test");
    }
}
