using System.Collections.Immutable;
using System.Text;
using Harness.Datasets;

namespace Harness.DataGen;

/// <summary>Both generated splits and the filter catalogue, ready to write as a dataset folder.</summary>
public sealed class GeneratedDataset
{
    internal GeneratedDataset(long seed, GeneratedSplit train, GeneratedSplit test, ImmutableArray<string> filters)
    {
        Seed = seed;
        Train = train;
        Test = test;
        Filters = filters;
    }

    /// <summary>The seed it was made with.</summary>
    public long Seed { get; }

    /// <summary>The training split (8,252 rows).</summary>
    public GeneratedSplit Train { get; }

    /// <summary>The test split (1,000 rows).</summary>
    public GeneratedSplit Test { get; }

    /// <summary>The validation split: a subset of <see cref="Train"/>'s rows, in train order (<see cref="ValidationSplit"/>).</summary>
    public ImmutableArray<DatasetRow> Validation => [.. ValidationSplit.Indices(Train.Rows.Length).Select(i => Train.Rows[i])];

    /// <summary>The filter catalogue, in filters.txt order.</summary>
    public ImmutableArray<string> Filters { get; }

    /// <summary>
    /// The files of the dataset folder and their bytes: train.jsonl, test.jsonl, the oracle's
    /// predictions for each (train.oracle.jsonl, test.oracle.jsonl; <see cref="OracleModel"/>),
    /// validation.jsonl (the train rows the shipped students held out; <see cref="ValidationSplit"/>),
    /// filters.txt, README.md.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, byte[]>> Files()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var thresholds = OracleModel.Thresholds(Train);
        return
        [
            new("train.jsonl", DatasetRowWriter.ToBytes(Train.Rows)),
            new("test.jsonl", DatasetRowWriter.ToBytes(Test.Rows)),
            new("train.oracle.jsonl", OracleModel.PredictionsFile(Train, thresholds)),
            new("test.oracle.jsonl", OracleModel.PredictionsFile(Test, thresholds)),
            new("validation.jsonl", DatasetRowWriter.ToBytes(Validation)),
            new("filters.txt", utf8.GetBytes(FilterCatalogue.ToText())),
            new("README.md", utf8.GetBytes(DatasetCard.Render(this))),
        ];
    }

    /// <summary>Writes the dataset folder, creating it if needed and replacing its files.</summary>
    public void WriteTo(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, bytes) in Files())
                AtomicFile.WriteAllBytes(Path.Combine(directory, name), bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{directory}: cannot write the dataset there ({ex.Message}); pass a writable folder to --out.", ex);
        }
    }
}
