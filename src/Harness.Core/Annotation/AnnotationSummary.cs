using System.Collections.Immutable;
using Harness.Statistics;

namespace Harness.Annotation;

/// <summary>
/// The reality check's result: per backend, how often annotators judged its edit relevant to the
/// intent and a mimic of the teacher's (yes of yes + no, with a Wilson 95% interval; "can't tell"
/// and unanswered apart), and per question the annotators' agreement (Fleiss' kappa over the
/// edits every annotator answered yes or no).
/// </summary>
public sealed record AnnotationSummary(AnnotationStudy Study, ImmutableArray<string> Annotators, ImmutableArray<BackendJudgement> Backends, ImmutableArray<Agreement> Agreements)
{
    /// <summary>Summarises <paramref name="files"/>, every one checked to be an annotation of <paramref name="study"/>.</summary>
    /// <exception cref="InputException">A file of another run or study, or an answer for an intent or label the study does not have.</exception>
    public static AnnotationSummary Of(AnnotationStudy study, IReadOnlyList<AnnotationAnswers> files)
    {
        ArgumentNullException.ThrowIfNull(study);
        var backendOf = study.Items.SelectMany(i => i.Renders.Select(r => ((i.IntentId, r.Label), r.Backend))).ToDictionary(x => x.Item1, x => x.Backend);
        var perFile = new List<Dictionary<(string, string), AnnotationAnswer>>();
        foreach (var file in files)
        {
            if (file.RunId != study.RunId) throw new InputException($"{file.Path}: run_id: the answers are for run {file.RunId}, not {study.RunId}.");
            if (file.Fingerprint != study.Fingerprint)
                throw new InputException($"{file.Path}: fingerprint: {file.Fingerprint} is not this run's study ({study.Fingerprint} for seed {study.Seed}, sample {study.Sample}); the run folder changed since the page was made, or the answers are of another study.");
            var answers = new Dictionary<(string, string), AnnotationAnswer>();
            foreach (var (answer, i) in file.Answers.Select((a, i) => (a, i)))
            {
                if (!backendOf.ContainsKey((answer.IntentId, answer.Label)))
                    throw new InputException($"{file.Path}: answers[{i}]: the study has no intent {answer.IntentId} with label {answer.Label}.");
                answers[(answer.IntentId, answer.Label)] = answer;
            }
            perFile.Add(answers);
        }

        var backends = study.Backends.Select(backend =>
        {
            var keys = backendOf.Where(p => p.Value == backend).Select(p => p.Key).ToList();
            var given = perFile.SelectMany(f => keys.Select(k => f.GetValueOrDefault(k))).ToList();
            return new BackendJudgement(backend, Proportion.Of(given.Select(a => a?.Relevant)), Proportion.Of(given.Select(a => a?.Mimics)));
        });
        var agreements = AnnotationPage.Questions.Select(q =>
        {
            Func<AnnotationAnswer?, string?> pick = q.Key == "relevant" ? a => a?.Relevant : a => a?.Mimics;
            var counts = backendOf.Keys.Order()
                .Select(k => perFile.Select(f => pick(f.GetValueOrDefault(k))).ToList())
                .Where(r => r.All(v => v is "yes" or "no"))
                .Select(r => new[] { r.Count(v => v == "yes"), r.Count(v => v == "no") })
                .ToList();
            var (kappa, undefined) = files.Count < 2 ? (null, "one annotator: agreement needs two or more") : FleissKappa.Of(counts);
            return new Agreement(q.Key, counts.Count, kappa, undefined);
        });
        return new AnnotationSummary(study, [.. files.Select(f => f.Annotator)], [.. backends], [.. agreements]);
    }
}

/// <summary>One backend's judgements: relevant to the intent, and mimics the teacher.</summary>
public sealed record BackendJudgement(string Backend, Proportion Relevant, Proportion Mimics);

/// <summary>Yes of yes + no, its Wilson 95% interval, and the answers that were neither.</summary>
public sealed record Proportion(int Yes, int N, double Low, double High, int CantTell, int Unanswered)
{
    internal static Proportion Of(IEnumerable<string?> answers)
    {
        var list = answers.ToList();
        var yes = list.Count(a => a == "yes");
        var n = yes + list.Count(a => a == "no");
        var (low, high) = WilsonInterval.Of(yes, n);
        return new Proportion(yes, n, low, high, list.Count(a => a == "cant_tell"), list.Count(a => a is null));
    }
}

/// <summary>The annotators' agreement on one question: Fleiss' kappa over <paramref name="Items"/> edits, or why it is undefined.</summary>
public sealed record Agreement(string Question, int Items, double? Kappa, string? Undefined);
