using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Harness.Rendering;

namespace Harness.Annotation;

/// <summary>
/// The annotation study as one self-contained HTML page (no server, no requests: every image a
/// <c>data:</c> URI): per item the intent, the photo, the teacher's edit and the backends' edits
/// under their blind labels, each with the paper's two questions. Save downloads the answers as
/// JSON (<see cref="AnnotationAnswers"/>) and shows them on the page to copy.
/// </summary>
public static class AnnotationPage
{
    /// <summary>Long side of the images shown, in pixels.</summary>
    public const int ImageSize = 256;

    /// <summary>The questions, by their key in the answers file: the paper's reality check.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> Questions =
    [
        ("relevant", "Is the edit relevant to the intent?"),
        ("mimics", "Does it mimic the teacher's edit?"),
    ];

    /// <summary>Writes the page of <paramref name="study"/>; <paramref name="photos"/> are the study's photos in order, at <see cref="ImageSize"/>.</summary>
    public static string Html(AnnotationStudy study, IReadOnlyList<RgbaImage> photos, Renderer renderer)
    {
        ArgumentNullException.ThrowIfNull(study);
        var meta = new JsonObject
        {
            ["run_id"] = study.RunId, ["seed"] = study.Seed, ["sample"] = study.Sample,
            ["backends"] = new JsonArray([.. study.Backends.Select(b => (JsonNode?)b)]), ["fingerprint"] = study.Fingerprint,
        };
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Annotation study: run {{E(study.RunId)}}</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1400px}
            .item{border-top:1px solid #ccc;padding:1em 0}.row{display:flex;flex-wrap:wrap;gap:1em}
            figure{margin:0;width:260px}figure img{display:block;max-width:256px;border:1px solid #ddd}
            figcaption{font-weight:600;margin:.3em 0}fieldset{border:0;padding:0;margin:.3em 0}.q{font-size:12px}
            #status{margin-left:1em}textarea{width:100%;height:8em;margin-top:1em}
            </style></head><body>
            <h1>Does the student's edit look right?</h1>
            <p>Run <code>{{E(study.RunId)}}</code>, {{study.Items.Length}} intents (seed {{study.Seed}}). For each intent you see the photo,
            the teacher's edit and the edits of {{study.Backends.Length}} models under letters in a shuffled order. Answer for each
            letter: {{string.Join(" ", Questions.Select(q => E(q.Text)))}} Then give your name and press Save: the answers download as a JSON file.</p>
            <p><label>Your name: <input id="annotator" autocomplete="off"></label></p>
            <script type="application/json" id="study">{{meta.ToJsonString()}}</script>

            """);
        var number = 0;
        foreach (var item in study.Items)
        {
            var photo = photos[item.Photo];
            html.Append($"<section class=\"item\" data-intent=\"{E(item.IntentId)}\"><h2>{++number}. “{E(item.Intent)}”</h2><div class=\"row\">\n");
            Figure(html, "original photo", photo, null);
            Figure(html, "teacher", renderer.Render(photo, item.Teacher), null);
            foreach (var render in item.Renders)
                Figure(html, render.Label, renderer.Render(photo, render.Settings), $"{item.IntentId}|{render.Label}");
            html.Append("</div></section>\n");
        }
        html.Append("""
            <p><button id="save">Save answers</button><span id="status"></span></p>
            <textarea id="answers" readonly placeholder="the saved answers appear here too"></textarea>
            <script>
            const study = JSON.parse(document.getElementById('study').textContent);
            document.getElementById('save').addEventListener('click', () => {
              const annotator = document.getElementById('annotator').value.trim();
              const status = document.getElementById('status');
              if (!annotator) { status.textContent = 'Give your name first.'; return; }
              const answers = [...document.querySelectorAll('fieldset[data-key]')].map(f => {
                const [intent_id, label] = f.dataset.key.split('|');
                const pick = q => { const c = f.querySelector(`input[name="${CSS.escape(f.dataset.key + '|' + q)}"]:checked`); return c ? c.value : null; };
                return { intent_id, label, relevant: pick('relevant'), mimics: pick('mimics') };
              });
              const file = { schema: 'harness.annotations/v1', ...study, annotator, answers };
              const text = JSON.stringify(file, null, 1);
              document.getElementById('answers').value = text;
              const link = document.createElement('a');
              link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
              link.download = `annotations-${study.run_id}-${annotator.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`;
              document.body.appendChild(link); link.click(); link.remove();
              const open = answers.filter(a => !a.relevant || !a.mimics).length;
              status.textContent = open ? `Saved; ${open} of ${answers.length} letters not fully answered.` : 'Saved.';
            });
            </script></body></html>

            """);
        return html.ToString();
    }

    private static void Figure(StringBuilder html, string caption, RgbaImage image, string? key)
    {
        html.Append($"<figure><figcaption>{E(caption)}</figcaption><img alt=\"{E(caption)}\" src=\"data:image/webp;base64,{Convert.ToBase64String(ImageFile.EncodeWebp(image))}\">");
        if (key is not null)
        {
            html.Append($"<fieldset data-key=\"{E(key)}\">");
            foreach (var (q, text) in Questions)
            {
                html.Append($"<div class=\"q\">{E(text)}</div>");
                foreach (var (value, label) in new[] { ("yes", "yes"), ("no", "no"), ("cant_tell", "can't tell") })
                    html.Append($"<label><input type=\"radio\" name=\"{E(key)}|{q}\" value=\"{value}\">{E(label)}</label> ");
                html.Append("<br>");
            }
            html.Append("</fieldset>");
        }
        html.Append("</figure>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
