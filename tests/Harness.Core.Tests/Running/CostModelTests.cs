using Harness.Running;

namespace Harness.Core.Tests.Running;

public class CostModelTests
{
    [Test]
    public void A_local_model_costs_its_wall_time_at_the_hardware_price_per_thousand_intents()
    {
        // 2 hours for 500 intents at 0.5 USD/h = 1 USD per 500 intents = 2 USD per 1,000.
        var cost = CostModel.Compute(new CostConfig(0.5, null, null), wallSeconds: 7200, intents: 500, inputTokens: 9, outputTokens: 9);

        Assert.That(cost!.UsdPer1kIntents, Is.EqualTo(2.0).Within(1e-12));
        Assert.That(cost.Basis, Does.StartWith("local: 0.5 USD/h x measured wall time"));
    }

    [Test]
    public void An_api_model_costs_its_tokens_at_the_configured_prices()
    {
        // 100 intents: 20,000 input tokens x 0.001/1k + 5,000 output tokens x 0.002/1k = 0.03 USD -> 0.3 USD per 1,000 intents.
        var cost = CostModel.Compute(new CostConfig(null, 0.001, 0.002), wallSeconds: 50, intents: 100, inputTokens: 20_000, outputTokens: 5_000);

        Assert.That(cost!.UsdPer1kIntents, Is.EqualTo(0.3).Within(1e-12));
        Assert.That(cost.Basis, Does.StartWith("api: 0.001 USD/1k input tokens"));
    }

    [Test]
    public void No_prices_means_no_cost_and_no_intents_cost_nothing()
    {
        Assert.That(CostModel.Compute(null, 10, 10, 0, 0), Is.Null);
        Assert.That(CostModel.Compute(new CostConfig(3, null, null), 0, 0, 0, 0)!.UsdPer1kIntents, Is.Zero);
    }
}
