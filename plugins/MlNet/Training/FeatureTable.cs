using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Harness.Plugins.MlNet.Training;

/// <summary>The model's input: the user's intent.</summary>
internal sealed class IntentInput
{
    public string Intent { get; set; } = "";
}

/// <summary>
/// The intents of some train rows as sparse feature vectors: ML.NET's text featurizer, lower-cased,
/// punctuation and diacritics dropped, word n-grams up to <see cref="FeatureSettings.WordNgrams"/>
/// and character n-grams of length <see cref="FeatureSettings.CharNgrams"/> (with start and end
/// markers), both TF-IDF weighted, the whole vector L2-normalised. Fitted once, then every task
/// trains on the same vectors.
/// </summary>
internal sealed class FeatureTable
{
    private FeatureTable(ITransformer featurizer, int dimension, VBuffer<float>[] vectors)
    {
        Featurizer = featurizer;
        Dimension = dimension;
        Vectors = vectors;
    }

    /// <summary>Intent to <c>Features</c>; the first transformer of the saved model.</summary>
    public ITransformer Featurizer { get; }

    public int Dimension { get; }

    /// <summary>The feature vector of each row, in row order.</summary>
    public VBuffer<float>[] Vectors { get; }

    public static FeatureTable Fit(MLContext ml, FeatureSettings settings, IReadOnlyList<string> intents)
    {
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.WordNgrams, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = settings.CharNgrams > 0
                ? new WordBagEstimator.Options { NgramLength = settings.CharNgrams, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf }
                : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var input = Input(ml, intents);
        var featurizer = ml.Transforms.Text.FeaturizeText(TrainerCatalog.Features, options, nameof(IntentInput.Intent)).Fit(input);
        return new FeatureTable(featurizer, Size(featurizer, input), Featurize(featurizer, input));
    }

    /// <summary>The vectors of other intents (held-out rows) under this table's featurizer.</summary>
    public VBuffer<float>[] Transform(MLContext ml, IReadOnlyList<string> intents) => Featurize(Featurizer, Input(ml, intents));

    public static IDataView Input(MLContext ml, IEnumerable<string> intents) =>
        ml.Data.LoadFromEnumerable(intents.Select(i => new IntentInput { Intent = i }));

    private static int Size(ITransformer featurizer, IDataView input) =>
        featurizer.GetOutputSchema(input.Schema)[TrainerCatalog.Features].Type is VectorDataViewType v ? v.Size : 0;

    private static VBuffer<float>[] Featurize(ITransformer featurizer, IDataView input)
    {
        var vectors = new List<VBuffer<float>>();
        foreach (var vector in featurizer.Transform(input).GetColumn<VBuffer<float>>(TrainerCatalog.Features))
        {
            var copy = default(VBuffer<float>);
            vector.CopyTo(ref copy);
            vectors.Add(copy);
        }
        return [.. vectors];
    }
}

/// <summary>How intents become features (part of the model's cache key).</summary>
/// <param name="WordNgrams">Longest word n-gram (1 = words only).</param>
/// <param name="CharNgrams">Character n-gram length; 0 = no character n-grams.</param>
internal sealed record FeatureSettings(int WordNgrams, int CharNgrams);
