"""The distillation data: one example per (intent, tool), prompts rendered exactly as the
harness renders them, and compact targets the harness's parser reads back unchanged.

- Prompt: the main job's concise template (spec section 3), `tool: <tool>\\nintent: <intent>`.
- Target: `null` when the teacher did not use the tool; otherwise compact JSON in the
  canonical parameter order with zero values left out, a space after
  each comma and colon (the parser counts a missing
  parameter as 0). A used tool whose values are all zero keeps one explicit zero
  (`{"exposure":0}`), because `{}` means "not used".
- Held-out: a seeded share of the train split's intents, used to choose sizes and steps.
  The test split is never read here.
"""
import json
import random
import sys

TOOLS = ("adjust", "selective_adjust", "filter")
ADJUST = ("exposure", "contrast", "brightness", "highlights", "shadows", "saturation", "vibrance",
          "temperature", "tint", "hue", "bloom", "sharpen", "structure", "linearOffset")
COLOURS = ("red", "orange", "yellow", "green", "cyan", "blue")
CHANNELS = ("saturation", "luminance")
PROMPT_TEMPLATE = "tool: {tool}\nintent: {intent}"
LLAMA2_TEMPLATE = "[INST] {prompt} [/INST]"
# JSON with a space after each comma and colon: SentencePiece pieces never cross a space, so
# the vocabulary learns whole keys (`"contrast":`) and whole values (`10,`) rather than
# memorised key-value runs, and the student composes them.
SEPARATORS = (", ", ": ")


def read_rows(path):
    """The dataset rows of a JSONL file; a missing file or a bad line stops with one error line."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = list(enumerate(f, 1))
    except OSError as e:
        sys.exit(f"error: {path}: cannot be read ({e.strerror}); give a dataset file in the schema of spec section 2")
    rows = []
    for number, line in lines:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            row["id"], row["intent"], row["teacher"]  # noqa: B018 (the fields training needs)
        except (ValueError, KeyError, TypeError) as e:
            sys.exit(f"error: {path}:{number}: not a dataset row ({e}); check it with harness validate {path}")
        rows.append(row)
    return rows


def prompt(tool, intent):
    return PROMPT_TEMPLATE.format(tool=tool, intent=intent)


def _number(v):
    return int(v) if float(v).is_integer() else v


def compact(tool, setting):
    """The teacher's setting as the shortest JSON the parser reads back as the same setting."""
    if setting is None:
        return "null"
    if tool == "filter":
        return json.dumps({"name": setting["name"], "intensity": _number(setting["intensity"])}, separators=SEPARATORS)
    if tool == "adjust":
        kept = {k: _number(setting.get(k, 0)) for k in ADJUST if setting.get(k, 0) != 0}
        return json.dumps(kept or {"exposure": 0}, separators=SEPARATORS)
    kept = {}
    for colour in COLOURS:
        values = setting.get(colour) or {}
        inner = {c: _number(values.get(c, 0)) for c in CHANNELS if values.get(c, 0) != 0}
        if inner:
            kept[colour] = inner
    return json.dumps(kept or {"red": {"saturation": 0}}, separators=SEPARATORS)


def examples(rows):
    """(prompt, target, row id, tool) for every (intent, tool) of the rows, in row then tool order."""
    return [(prompt(tool, r["intent"]), compact(tool, r["teacher"][tool]), r["id"], tool)
            for r in rows for tool in TOOLS]


def split_heldout(rows, share, seed):
    """(train rows, held-out rows): a seeded share of the intents held out."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = int(round(len(rows) * share))
    held = set(order[:cut])
    return [r for i, r in enumerate(rows) if i not in held], [r for i, r in enumerate(rows) if i in held]


def subsample(rows, share, seed):
    """A seeded share of the rows, in their original order (the paper's data-efficiency runs)."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    keep = set(order[:int(round(len(rows) * share))])
    return [r for i, r in enumerate(rows) if i in keep]
