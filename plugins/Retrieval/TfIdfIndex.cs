namespace Harness.Plugins.Retrieval;

/// <summary>
/// A TF-IDF index over short texts: features are lower-cased word unigrams and
/// bigrams, weights (1 + ln tf) x idf with idf = ln((1 + N) / (1 + df)) + 1, vectors
/// L2-normalised, so a dot product is the cosine similarity.
/// </summary>
internal sealed class TfIdfIndex
{
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, List<(int Doc, double Weight)>> _postings = new(StringComparer.Ordinal);

    public TfIdfIndex(IReadOnlyList<string> documents)
    {
        Count = documents.Count;
        var features = documents.Select(Features).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in features.SelectMany(f => f.Keys))
            df[term] = df.GetValueOrDefault(term) + 1;
        _idf = df.ToDictionary(p => p.Key, p => Math.Log((1.0 + Count) / (1.0 + p.Value)) + 1.0, StringComparer.Ordinal);
        for (var doc = 0; doc < features.Count; doc++)
        {
            foreach (var (term, weight) in Weigh(features[doc]))
            {
                if (!_postings.TryGetValue(term, out var list)) _postings[term] = list = [];
                list.Add((doc, weight));
            }
        }
    }

    /// <summary>Documents indexed.</summary>
    public int Count { get; }

    /// <summary>Cosine similarity of <paramref name="query"/> to every document it shares a feature with.</summary>
    public Dictionary<int, double> Similarities(string query)
    {
        var scores = new Dictionary<int, double>();
        foreach (var (term, weight) in Weigh(Features(query)))
        {
            foreach (var (doc, docWeight) in _postings[term])
                scores[doc] = scores.GetValueOrDefault(doc) + weight * docWeight;
        }
        return scores;
    }

    /// <summary>Unigram and bigram counts of <paramref name="text"/>.</summary>
    public static Dictionary<string, int> Features(string text)
    {
        var words = Words(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            counts[words[i]] = counts.GetValueOrDefault(words[i]) + 1;
            if (i + 1 < words.Count)
            {
                var bigram = words[i] + " " + words[i + 1];
                counts[bigram] = counts.GetValueOrDefault(bigram) + 1;
            }
        }
        return counts;
    }

    // Runs of letters or digits, lower-cased (culture-invariant).
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    // Known terms only (an unseen term cannot match any document), L2-normalised.
    private List<(string Term, double Weight)> Weigh(Dictionary<string, int> counts)
    {
        var weighted = counts
            .Where(p => _idf.ContainsKey(p.Key))
            .Select(p => (p.Key, (1.0 + Math.Log(p.Value)) * _idf[p.Key]))
            .ToList();
        var norm = Math.Sqrt(weighted.Sum(p => p.Item2 * p.Item2));
        return norm == 0 ? [] : [.. weighted.Select(p => (p.Key, p.Item2 / norm))];
    }
}
