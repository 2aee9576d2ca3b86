using System.Globalization;
using System.Text;

namespace Harness.DataGen;

/// <summary>The fixed prose of the dataset card; <see cref="DatasetCard"/> adds the numbers.</summary>
internal static class DatasetCardText
{
    public static void Introduction(StringBuilder md, long seed, int concepts, int templates, int filters)
    {
        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        md.Append(CultureInfo.InvariantCulture, $"""
            # tonal-color: a SYNTHETIC dataset for the tonal-colour tool-calling task

            **This data is synthetic.** It was made by this project's generator (`harness datagen`) to
            reproduce the split statistics of Sultan et al., "Visual Editing with LLM-based Tool Chaining"
            (arXiv 2410.02952, EMNLP 2024 industry track): the number of rows and, exactly, how many rows
            use each tool. It is **not** the paper's data (this project does not have it), its intents were not
            written by users, and its "teacher" outputs were not produced by an LLM. Use it to exercise and
            test the harness and to compare students against each other, not to reproduce the paper's scores.

            ## Files

            - `train.jsonl`, `test.jsonl`: one intent per line in the schema of spec §2 (see *Fields* below).
            - `train.oracle.jsonl`, `test.oracle.jsonl`: the predictions of the generator's **oracle**, in the
              predictions-file format (one object with `id` and `outputs` per line; `harness score` and the Replay plugin
              read it): what an ideal student would answer if it knew each intent's concepts and degree words
              but none of the teacher's random draws — the teacher's noise-free setting, and a tool used when the
              intent's noise-free propensity passes a per-tool threshold chosen to maximise selection F1 on the
              train split only. Its score on the test split is the attainable ceiling of this data (the teacher
              itself scores 1.0 only because it is the ground truth). It exists only because the data is
              synthetic: with a real teacher nobody knows the concepts behind an intent.
            - `validation.jsonl`: the **validation split**, a seeded tenth of the train rows (825 of 8,252),
              copied from `train.jsonl` in train order: **a subset of train, not a third split**. They are exactly
              the rows the shipped distilled students (`models/flan-t5-student`, `models/llama-student`) held
              out and never trained on (tools/distill/data.py `split_heldout(rows, 0.1, seed=20241002)`,
              Python's `random.Random(20241002).shuffle` of the row indices, the first round(n × 0.1) held
              out; the generator reproduces that shuffle). `harness calibrate` chooses each tool's selection
              threshold on it, never on the test split. A student trained on all of `train.jsonl` (the ML.NET
              student, the retrieval baseline's index) has seen these rows, so its calibration on them is
              optimistic.
            - `filters.txt`: the filter (LUT) catalogue, {filters} names, one per line after a `#` header;
              every teacher filter name is one of them.
            - `luts/`: one `.cube` 3D LUT per catalogue name, for rendering edits. **Stand-ins, not the app's
              LUTs**: the catalogue has names, not looks, so each is baked from the look signature this generator
              gives the filter (`luts/README.md` says how; `harness render --luts` points at real
              ones). Not written by `datagen`.
            - `README.md`: this card, written by the generator from the generated rows.

            ## Regenerate

            The files here are exactly what this command writes (byte for byte, on any machine):

            ```
            dotnet run --project src/Harness.Cli -- datagen --seed {seedText} --out datasets/tonal-color
            ```

            (`harness datagen --seed {seedText} --out datasets/tonal-color` with the installed tool.) A test
            (`Committed_dataset_is_what_the_default_seed_generates`) regenerates it and compares the bytes.
            Another seed gives another dataset with the same used counts.

            ## How it was made

            1. **Lexicon.** {concepts} look concepts in 11 families (times of day, weather, moods, film stocks,
               seasons, places, eras, colour words, technical edits, cinema looks, light sources), written in
               `src/Harness.DataGen/Lexicon.*.cs`. Each has a sparse signature over the 14
               adjust parameters and the 12 selective-adjust components (derived from the adjust signature
               when not given), preferences for catalogue filters, and a propensity for each tool (a film
               stock nearly always calls for a filter, a colour word for selective_adjust, "brighter" for
               adjust alone).
            2. **Intents.** One to three concepts (35% / 40% / 25%) fill one of {templates} phrasing templates
               ("make it feel like a rainy tokyo night", "slightly warmer, vintage", "shot on portra"). Degree
               words ("slightly" ×0.5, "very" ×1.4, "a hint of" ×0.5, ...) scale their concept. Intents are
               unique within and across splits after lower-casing and collapsing white space; the test split
               is generated first.
            3. **Teacher output.** The concepts' signatures, scaled by their degree words and by 1, 0.8 or 0.7
               for one, two or three concepts, are summed; parameters a concept sets get Gaussian noise
               (sd 3); occasionally an untouched parameter moves by ±5; values are rounded to multiples of 5
               and clamped to [-100, 100]. The filter is the catalogue entry with the highest affinity
               (stated preferences plus 0.8 × cosine between the concept and filter looks, plus noise sd
               0.12); intensity is 20 + 20 × strength + 3 × stated preference + noise (sd 6), rounded to 5, in [5, 100].
            4. **Which tools are used.** Each row's propensity for a tool is the noisy-or of its concepts'
               propensities. Exactly the paper's number of rows per split, those with the highest propensity
               plus seeded noise (sd 0.15), use the tool; the others have `null`. Counts are exact and use
               follows the words.
            5. **Repeats and exports.** `repeats` is discrete Pareto, P(repeats ≥ k) = k^-α, with α = 0.95,
               1.1, 1.3 for intents of one, two, three concepts (short requests are asked more often), capped
               at 2,000. `exports` per tool is about 45% (adjust), 35% (selective_adjust) or 50% (filter) of
               the repeats with binomial-like noise when the teacher used the tool, else 0.
            6. **Randomness.** A SplitMix64 generator with separate streams per split and purpose, seeded
               from `--seed` (default {seedText}); no runtime-dependent hashing or ordering, so the bytes
               never change with the .NET version.


            """);
    }

    public static void Schema(StringBuilder md) => md.Append("""

        ## Fields

        ```
        {"id":"test-00001","intent":"golden hour","repeats":7,
         "teacher":{"adjust":{14 parameters}|null,"selective_adjust":{6 colours × saturation, luminance}|null,
                    "filter":{"name":..,"intensity":..}|null},
         "exports":{"adjust":3,"selective_adjust":0,"filter":2}}
        ```

        - `id`: `train-00001` ... `train-08252`, `test-00001` ... `test-01000`.
        - `teacher.adjust`: exposure, contrast, brightness, highlights, shadows, saturation, vibrance,
          temperature, tint, hue, bloom, sharpen, structure, linearOffset, in that order; integers, multiples
          of 5, in [-100, 100]. `null` means the teacher did not use the tool.
        - `teacher.selective_adjust`: red, orange, yellow, green, cyan, blue, each `{"saturation","luminance"}`.
        - `teacher.filter`: a name from `filters.txt` and an intensity in [0, 100].
        - `repeats`: how many times users asked for the intent (≥ 1). `exports`: user exports per tool.

        """);
}
