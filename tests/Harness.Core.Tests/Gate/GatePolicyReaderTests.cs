using Harness.Core.Tests.Reports;
using Harness.Gate;
using Harness.Tools;

namespace Harness.Core.Tests.Gate;

public class GatePolicyReaderTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "harness-gate-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, true);

    [Test]
    public void Example_policy_in_the_repository_reads_and_names_every_rule_kind()
    {
        var policy = GatePolicyReader.Read(RepositoryRoot.PathOf("gate.example.yaml"));
        var names = policy.Rules().Select(r => r.Name).ToList();
        Assert.That(names, Does.Contain("min_overall").And.Contain("min_tool_final.filter").And.Contain("non_inferiority.overall")
            .And.Contain("max_p95_latency_ms.single-stream").And.Contain("max_cost_per_1k_intents").And.Contain("max_parse_failure_rate")
            .And.Contain("min_capacity.qps").And.Contain("min_capacity.vs_baseline").And.Contain("max_server_tail_ms"));
        Assert.That((policy.Capacity, policy.ServerTail), Is.EqualTo((new CapacityRequirement(100, 50, 0.9), new ServerTailBudget(50, 100))));
    }

    [Test]
    public void Policy_values_are_read_in_the_invariant_culture()
    {
        var policy = Cultures.Run("de-DE", () => GatePolicyReader.Read(Write("min_overall: 0.75\nmin_tool_final:\n  filter: 0.5\n")));
        Assert.That(policy.MinOverall, Is.EqualTo(0.75));
        Assert.That(policy.MinToolFinal[ToolName.Filter], Is.EqualTo(0.5));
    }

    [TestCase("min_overal: 0.7\n", ":1: min_overal: unknown key; valid keys: subset, min_overall")]
    [TestCase("min_overall: high\n", ":1: min_overall: expected a number, got 'high'")]
    [TestCase("min_overall: 1.5\n", ":1: min_overall: must be at most 1, got 1.5")]
    [TestCase("subset: all\nnon_inferiority:\n  overall: -0.02\n", ":3: non_inferiority.overall: must not be negative, got -0.02")]
    [TestCase("non_inferiority:\n  accuracy: 0.02\n", ":2: non_inferiority.accuracy: expected one of overall, adjust.final, selective_adjust.final, filter.final, got 'accuracy'")]
    [TestCase("min_tool_final:\n  crop: 0.5\n", ":2: min_tool_final.crop: unknown tool")]
    [TestCase("max_p95_latency_ms: 250\n", ":1: max_p95_latency_ms: expected a mapping of name: value")]
    [TestCase("min_capacity:\n  qps: 50\n", ":2: min_capacity.latency_bound_ms: is required (the bound the capacity was found at)")]
    [TestCase("min_capacity:\n  latency_bound_ms: 100\n", ":2: min_capacity: needs qps, vs_baseline or both")]
    [TestCase("min_capacity:\n  latency_bound_ms: 100\n  rate: 5\n", ":3: min_capacity.rate: unknown key; valid keys: latency_bound_ms, qps, vs_baseline")]
    [TestCase("max_server_tail_ms:\n  qps: 50\n", ":2: max_server_tail_ms: needs both qps and ms")]
    [TestCase("max_p95_latency_ms:\n  streaming: 250\n", ":2: max_p95_latency_ms.streaming: expected one of single-stream, offline")]
    [TestCase("bootstrap:\n  resamples: 10.5\n", ":2: bootstrap.resamples: expected a whole number")]
    [TestCase("min_overall: [0.7\n", ": malformed YAML")]
    [TestCase("- min_overall\n", ": expected a mapping of policy keys")]
    public void Bad_policy_is_a_one_line_input_error_naming_file_line_and_field(string yaml, string expected)
    {
        var path = Write(yaml);
        var ex = Assert.Throws<InputException>(() => GatePolicyReader.Read(path))!;
        Assert.That(ex.Message, Does.StartWith(path).And.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void Missing_policy_file_is_an_input_error()
    {
        var ex = Assert.Throws<InputException>(() => GatePolicyReader.Read(Path.Combine(_folder, "nope.yaml")))!;
        Assert.That(ex.Message, Does.Contain("nope.yaml: policy file not found"));
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "gate.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
