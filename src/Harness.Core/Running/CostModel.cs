using System.Globalization;
using Harness.Metrics;

namespace Harness.Running;

/// <summary>
/// Cost per 1,000 intents (spec §5). A local model: measured wall time x the hardware
/// price per hour. An API model: measured input and output tokens x the price per
/// 1,000 tokens. Null when the config gives no prices.
/// </summary>
public static class CostModel
{
    public static CostSummary? Compute(CostConfig? prices, double wallSeconds, int intents, long inputTokens, long outputTokens)
    {
        if (prices is null) return null;
        static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        if (prices.UsdPerHour is { } perHour)
        {
            var usd = perHour * wallSeconds / 3600.0;
            return new CostSummary(PerThousand(usd, intents),
                $"local: {F(perHour)} USD/h x measured wall time ({F(wallSeconds)} s for {intents} intents)");
        }
        var input = prices.UsdPer1kInputTokens ?? 0;
        var output = prices.UsdPer1kOutputTokens ?? 0;
        var total = inputTokens / 1000.0 * input + outputTokens / 1000.0 * output;
        return new CostSummary(PerThousand(total, intents),
            $"api: {F(input)} USD/1k input tokens x {inputTokens} + {F(output)} USD/1k output tokens x {outputTokens} over {intents} intents");
    }

    private static double PerThousand(double usd, int intents) => intents == 0 ? 0 : usd / intents * 1000.0;
}
