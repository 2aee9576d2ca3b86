using System.Collections.Immutable;
using Harness.Datasets;

namespace Harness.DataGen;

/// <summary>One generated split: its rows, and (for tests and the card) the concepts behind each row.</summary>
public sealed class GeneratedSplit
{
    internal GeneratedSplit(SplitTarget target, ImmutableArray<DatasetRow> rows, ImmutableArray<ImmutableArray<ConceptUse>> uses, ImmutableArray<double> usageThresholds)
    {
        Target = target;
        Rows = rows;
        Uses = uses;
        UsageThresholds = usageThresholds;
    }

    /// <summary>The size and used counts the split was made to.</summary>
    public SplitTarget Target { get; }

    /// <summary>Rows in id order.</summary>
    public ImmutableArray<DatasetRow> Rows { get; }

    /// <summary>The concepts each row's intent was composed from, parallel to <see cref="Rows"/>.</summary>
    internal ImmutableArray<ImmutableArray<ConceptUse>> Uses { get; }

    /// <summary>
    /// Per tool, in canonical order: the noisy propensity above which this split's rows were marked
    /// used (<see cref="UsageAllocator.Allocate"/>), for labelling intents outside the split alike.
    /// </summary>
    internal ImmutableArray<double> UsageThresholds { get; }
}
