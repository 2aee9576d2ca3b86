#!/usr/bin/env bash
# The paper's RO2 (data efficiency, its step 4) with our own loop, end to end:
#   1. train the FlanT5 student's recipe on a seeded 12.5% of the train split;
#   2. run it over the rest of the train split (harness eval, Onnx plugin);
#   3. harness mistakes lists the augmentation candidates (wrong filter, below-mean cosine);
#   4. harness augment writes new intents near those mistakes, labelled by the dataset
#      generator acting as the teacher (synthetic labels: this project has no teacher LLM);
#   5. retrain on 12.5% + augmentation with the same recipe; and, as a control, on 12.5% plus
#      as many new intents near rows drawn at random from the rest (mistaken or not), so the
#      gain from aiming at mistakes separates from the gain from more rows;
#   6. evaluate 12.5%, 12.5% + augmentation, the control and 100% (the shipped student) on the
#      test split, and compare each against 12.5% with a paired bootstrap (harness compare).
# Every step is skipped when its output exists, so a second run resumes.
#   tools/distill/ro2.sh [OUT_DIR (artifacts/ro2)] [extra train_t5.py options, e.g. --device cuda]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/ro2}; shift || true
py=/usr/bin/python3
harness=(dotnet src/Harness.Cli/bin/Release/net10.0/harness.dll)
recipe=(--d-model 128 --d-kv 32 --d-ff 320 --layers 3 --heads 4 --steps 3000 --eval-every 500 --max-minutes 120 "$@")
per_mistake=${PER_MISTAKE:-1}
mkdir -p "$out"
[ -f src/Harness.Cli/bin/Release/net10.0/harness.dll ] || dotnet build Harness.sln -c Release -nologo -v q

train() {  # name, extra options
  local name=$1; shift
  if [ ! -f "$out/$name/dev_score.json" ]; then
    "$py" tools/distill/train_t5.py --work "$out/work-$name" --train-share 0.125 "${recipe[@]}" "$@"
    "$py" tools/distill/package.py t5 "$out/work-$name" "$out/$name" >/dev/null 2>&1
    cp "$out/work-$name/dev_score.json" "$out/$name/dev_score.json"
  fi
}

echo "== 1. 12.5% of the train split"
train small

echo "== 2. the 12.5% student over the rest of the train split"
"$py" - "$out" <<'EOF'
import json, os, sys
sys.path.insert(0, "tools/distill")
import data
out = sys.argv[1]
train, _ = data.split_heldout(data.read_rows("datasets/tonal-color/train.jsonl"), 0.1, 20241002)
small = {r["id"] for r in data.subsample(train, 0.125, 20241002)}
with open(os.path.join(out, "rest.jsonl"), "w", encoding="utf-8") as f:
    for r in train:
        if r["id"] not in small:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
EOF
cp datasets/tonal-color/filters.txt "$out/filters.txt"   # the catalogue beside the dataset
cat >"$out/rest.yaml" <<EOF
dataset: rest.jsonl
scenarios: [offline]
warmup: 0
prompt_template: "tool: {tool}\nintent: {intent}"
reports: [json]
backends:
  - { label: small, plugin: Onnx, options: { model: small/onnx, threads: 2 }, batch_size: 32 }
EOF
[ -f "$out/rest-run/small/offline/metrics.json" ] || "${harness[@]}" eval --config "$out/rest.yaml" --out "$out/rest-run" >/dev/null

echo "== 3. mistakes"
"$py" - "$out" <<'EOF'
import json, os, sys
out = sys.argv[1]
rows = {}
for line in open(os.path.join(out, "rest-run", "small", "offline", "predictions.jsonl"), encoding="utf-8"):
    r = json.loads(line)
    rows.setdefault(r["id"], {})[r["tool"]] = r["raw"]
with open(os.path.join(out, "rest-predictions.jsonl"), "w", encoding="utf-8") as f:
    for rid, outputs in rows.items():
        f.write(json.dumps({"id": rid, "outputs": outputs}, ensure_ascii=False) + "\n")
EOF
"${harness[@]}" mistakes --dataset "$out/rest.jsonl" --predictions "$out/rest-predictions.jsonl" --out "$out/mistakes.jsonl"

echo "== 4. augmentation near the mistakes"
"${harness[@]}" augment --mistakes "$out/mistakes.jsonl" --per-mistake "$per_mistake" --out "$out/augmented.jsonl"

echo "== 5. 12.5% + augmentation, and the control: as many new intents near random rows"
train augmented --extra-train "$out/augmented.jsonl"
"$py" - "$out" <<'EOF'
import json, os, random, sys
out = sys.argv[1]
mistaken = {json.loads(line)["id"] for line in open(os.path.join(out, "mistakes.jsonl"), encoding="utf-8")}
rest = [json.loads(line) for line in open(os.path.join(out, "rest.jsonl"), encoding="utf-8")]
drawn = random.Random(20241002).sample(rest, len(mistaken))
with open(os.path.join(out, "control-rows.jsonl"), "w", encoding="utf-8") as f:
    for r in drawn:
        f.write(json.dumps({"id": r["id"], "intent": r["intent"]}, ensure_ascii=False) + "\n")
EOF
"${harness[@]}" augment --mistakes "$out/control-rows.jsonl" --per-mistake "$per_mistake" --out "$out/control.jsonl"
train control --extra-train "$out/control.jsonl"

echo "== 6. all four on the test split"
cat >"$out/test.yaml" <<EOF
dataset: ../../datasets/tonal-color/test.jsonl
scenarios: [offline]
warmup: 5
prompt_template: "tool: {tool}\nintent: {intent}"
reports: [markdown, json]
backends:
  - { label: ro2-12.5pct, plugin: Onnx, options: { model: small/onnx, threads: 2 }, batch_size: 32 }
  - { label: ro2-12.5pct-augmented, plugin: Onnx, options: { model: augmented/onnx, threads: 2 }, batch_size: 32 }
  - { label: ro2-12.5pct-control, plugin: Onnx, options: { model: control/onnx, threads: 2 }, batch_size: 32 }
  - { label: ro2-100pct, plugin: Onnx, options: { model: ../../models/flan-t5-student/onnx, threads: 2 }, batch_size: 32 }
EOF
rm -rf "$out/test-run"
"${harness[@]}" eval --config "$out/test.yaml" --out "$out/test-run" | grep -E "overall"
"${harness[@]}" compare "$out/test-run/ro2-12.5pct" "$out/test-run/ro2-12.5pct-augmented" "$out/test-run/ro2-12.5pct-control" "$out/test-run/ro2-100pct" --out "$out/compare" \
  | tee "$out/compare.txt"
echo "RO2 results: $out/test-run/report.md and $out/compare"
