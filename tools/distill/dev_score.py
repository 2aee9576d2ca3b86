"""A quick score of generated outputs on held-out train rows, to choose sizes and steps.

It follows spec section 4 (selection F1, cosine / filter accuracy over rows where both used
the tool, final = harmonic mean, overall = mean of finals) without intervals. It is for
model selection inside the offline tooling only; the harness's own scorer is what reports.
"""
import json
import math

from data import ADJUST, CHANNELS, COLOURS, TOOLS


def parse(tool, text):
    """(used, vector or filter name); a parse failure counts as not used, as in the harness."""
    text = text.strip()
    if text.lower() in ("", "null", "none", "{}"):
        return False, None
    try:
        value = json.loads(text)
    except ValueError:
        return False, None
    if not isinstance(value, dict):
        return False, None
    try:
        if tool == "filter":
            return (True, value["name"]) if isinstance(value.get("name"), str) else (False, None)
        if tool == "adjust":
            return True, [float(value.get(k, 0)) for k in ADJUST]
        return True, [float((value.get(c) or {}).get(ch, 0)) for c in COLOURS for ch in CHANNELS]
    except (TypeError, ValueError, AttributeError):
        return False, None


def teacher_value(tool, setting):
    if setting is None:
        return False, None
    if tool == "filter":
        return True, setting["name"]
    if tool == "adjust":
        return True, [float(setting.get(k, 0)) for k in ADJUST]
    return True, [float((setting.get(c) or {}).get(ch, 0)) for c in COLOURS for ch in CHANNELS]


def cosine(a, b):
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(x * x for x in b))
    if na == 0 and nb == 0:
        return 1.0
    if na == 0 or nb == 0:
        return 0.0
    return sum(x * y for x, y in zip(a, b)) / (na * nb)


def score(rows, outputs):
    """outputs[(row id, tool)] = raw text. Returns {tool: {f1, quality, final}, overall, parse_failures}."""
    result, failures = {}, 0
    for tool in TOOLS:
        tp = fp = fn = 0
        qualities = []
        for r in rows:
            text = outputs[(r["id"], tool)]
            used, value = parse(tool, text)
            if not used and text.strip().lower() not in ("", "null", "none", "{}"):
                failures += 1
            truth_used, truth = teacher_value(tool, r["teacher"][tool])
            if used and truth_used:
                tp += 1
                qualities.append(float(value == truth) if tool == "filter" else cosine(value, truth))
            elif used:
                fp += 1
            elif truth_used:
                fn += 1
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        q = sum(qualities) / len(qualities) if qualities else 0.0
        qq = max(q, 0.0)
        final = 2 * f1 * qq / (f1 + qq) if f1 + qq else 0.0
        result[tool] = {"selection_f1": round(f1, 4), "quality": round(q, 4), "final": round(final, 4)}
    result["overall"] = round(sum(result[t]["final"] for t in TOOLS) / 3, 4)
    result["parse_failures"] = failures
    return result
