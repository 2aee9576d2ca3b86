namespace Harness.Reports.Html;

/// <summary>The report's inline style sheet (no external fonts or files).</summary>
internal static class HtmlStyles
{
    public const string Css = """
        :root{--ink:#1d2433;--muted:#5f6678;--line:#e3e6ee;--bg:#f6f7fb;--card:#fff;--accent:#3b5bdb;--floor:#d9480f;--bad:#c92a2a}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        header{background:linear-gradient(135deg,#1f2a4d,#3b5bdb);color:#fff;padding:28px 40px 22px}
        header h1{margin:0 0 4px;font-size:24px;font-weight:650;letter-spacing:-.01em}
        header .run{opacity:.85;font-size:13px}
        header code{background:rgba(255,255,255,.15);padding:1px 6px;border-radius:4px}
        .meta{display:flex;flex-wrap:wrap;gap:10px 28px;margin:14px 0 0;font-size:13px}
        .meta div{min-width:0}.meta dt{opacity:.7;font-size:11px;text-transform:uppercase;letter-spacing:.06em}.meta dd{margin:0}
        main{max-width:1240px;margin:0 auto;padding:24px 40px 48px}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin:0 0 20px;box-shadow:0 1px 2px rgba(20,30,60,.04)}
        h2{margin:0 0 4px;font-size:18px}h3{margin:18px 0 8px;font-size:15px}h4{margin:14px 0 6px;font-size:13px}
        .lead{color:var(--muted);margin:0 0 14px}
        .cards{display:flex;flex-wrap:wrap;gap:14px}
        .card{flex:1 1 200px;border:1px solid var(--line);border-radius:8px;padding:12px 16px;background:#fbfcff}
        .card .k{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
        .card .v{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
        .card .s{font-size:12px;color:var(--muted)}
        .card.bad{border-color:#ffc9c9;background:#fff5f5}.card.bad .v{color:var(--bad)}
        table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:13px}
        caption{text-align:left;font-weight:600;padding:4px 0 6px;color:var(--ink)}
        th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line);white-space:nowrap}
        tbody th{font-weight:600;white-space:nowrap}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .ci{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
        td.final{font-weight:600}td.overall{font-weight:700;font-size:14px}td.best{color:var(--accent)}
        th.tool{text-align:center;border-bottom:3px solid}
        .t-adjust{border-color:#0f9d76;color:#0b7a5c}.t-selective{border-color:#e69f00;color:#a86f00}.t-filter{border-color:#cc4b8c;color:#a33470}
        .model{font-weight:400;font-size:11px;color:var(--muted)}
        .badge{display:inline-block;font-size:10px;font-weight:600;text-transform:uppercase;letter-spacing:.05em;padding:1px 6px;border-radius:9px;vertical-align:1px}
        .badge.floor{background:#fff0e6;color:var(--floor);border:1px solid #ffc8a8}
        .badge.ceiling{background:#ebfbee;color:#2b8a3e;border:1px solid #b2f2bb}
        .badge.teacher{background:#f3f0ff;color:#5f3dc4;border:1px solid #d0bfff}
        th.group{text-align:center;border-bottom:1px solid var(--line)}
        table.scores tbody{border-top:2px solid var(--line)}table.scores td .ci,table.agreement td .ci{font-size:11px;font-weight:400}
        .pareto{display:flex;flex-wrap:wrap;gap:8px 24px;margin-top:12px}.pareto .chart{flex:1 1 460px;max-width:560px}
        .note.warn-note{color:var(--bad)}table.agreement td{white-space:nowrap}
        tr.failed th,tr.failed td{background:#fff5f5}.error{color:var(--bad)}
        .muted{color:var(--muted)}.warn{color:var(--bad);font-weight:600}
        .gallery{display:flex;flex-wrap:wrap;gap:12px}.gallery figure{margin:0;max-width:400px}.gallery .thumbs{display:flex;gap:2px}.gallery img{display:block;height:auto;border-radius:2px}.gallery figure.worst figcaption{color:var(--bad)}.gallery figcaption{font-size:12px}.note{color:var(--muted);font-size:12px;margin:4px 0 0}
        .chart{display:block;max-width:100%;height:auto;margin:6px 0 10px}
        .chart .lbl{font-size:12px;font-weight:600;fill:#1d2433}.chart .sub{font-size:11px;fill:#5f6678}
        .chart .tick{font-size:10px;fill:#8a90a2}.chart .val{font-size:10px;fill:#1d2433;font-variant-numeric:tabular-nums;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
        .chart .err{font-size:12px;fill:#c92a2a}.chart .floor{font-size:10px;font-weight:600;fill:#d9480f}.chart .ref{font-size:10px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
        .chart .whisker{stroke:#1d2433;stroke-width:1.2;fill:none}
        .scroll{overflow-x:auto}
        table.diff td.better{color:#0b7a5c;font-weight:600}table.diff td.worse{color:var(--bad);font-weight:600}table.diff .ci{font-weight:400;font-size:11px}
        table.heat td.cell{text-align:center;min-width:34px;color:#1d2433}table.heat td.style-ink{color:#fff}
        th.vert{height:96px;vertical-align:bottom;padding:4px 2px}th.vert span{writing-mode:vertical-rl;transform:rotate(180deg);text-transform:none;letter-spacing:0}
        details.examples{border-top:1px solid var(--line);padding:8px 0}
        details.examples>summary{cursor:pointer;font-weight:600;font-size:14px}
        table.ex{table-layout:fixed}table.ex col.c-id{width:96px}table.ex col.c-intent{width:190px}table.ex col.c-why{width:150px}table.ex td{font-size:12px;overflow-wrap:anywhere}table.ex td.intent{font-weight:600;min-width:140px}table.ex td.why{white-space:nowrap;color:var(--bad)}
        table.ex td.id{color:var(--muted);white-space:nowrap}
        .raw{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;color:var(--muted);word-break:break-all;margin-top:2px}
        footer{max-width:1240px;margin:0 auto;padding:0 40px 32px;color:var(--muted);font-size:12px}
        """;
}
