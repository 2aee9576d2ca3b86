namespace Harness.DataGen;

/// <summary>The size and exact used counts a generated split must have.</summary>
/// <param name="Name">Split name; ids are <c>{Name}-00001</c>, …</param>
/// <param name="Rows">Number of intents.</param>
/// <param name="Adjust">Rows whose teacher uses adjust.</param>
/// <param name="SelectiveAdjust">Rows whose teacher uses selective_adjust.</param>
/// <param name="Filter">Rows whose teacher uses filter.</param>
public sealed record SplitTarget(string Name, int Rows, int Adjust, int SelectiveAdjust, int Filter)
{
    /// <summary>The paper's training split (spec §2).</summary>
    public static SplitTarget Train { get; } = new("train", 8252, 7570, 2647, 5448);

    /// <summary>The paper's test split (spec §2).</summary>
    public static SplitTarget Test { get; } = new("test", 1000, 912, 356, 683);

    /// <summary>The used count of a tool.</summary>
    public int UsedCount(Harness.Tools.ToolName tool) => tool switch
    {
        Harness.Tools.ToolName.Adjust => Adjust,
        Harness.Tools.ToolName.SelectiveAdjust => SelectiveAdjust,
        _ => Filter,
    };
}
