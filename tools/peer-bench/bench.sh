#!/usr/bin/env bash
# The plugins side by side with their bare engines and with the peers a user would pick instead,
# on the shipped students' model files, in one run; prints one Markdown table of ratios.
#   tools/peer-bench/bench.sh [--rounds 10] [--intents 20] [--threads 2] [--models t5|llama|both]
# Needs Node.js 20+ with npm (the peers' packages are installed here from package-lock.json with
# `npm ci`), Debian's python3-onnx (to write the merged decoder transformers.js reads) and the .NET SDK.
# Nothing of this is on the README's two commands' path. Progress goes to stderr, the table to stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
peer=tools/peer-bench

command -v node >/dev/null || { echo "bench.sh: node (Node.js 20 or later) is not on PATH; install it (e.g. apt-get install nodejs npm)" >&2; exit 2; }
# npm ci once per package-lock.json; --ignore-scripts: the packages' prebuilt CPU binaries are used as shipped, nothing is downloaded or compiled.
stamp=$peer/node_modules/.installed-from
if ! cmp -s "$peer/package-lock.json" "$stamp" 2>/dev/null; then
  echo "installing the peers (npm ci in $peer)..." >&2
  (cd "$peer" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  cp "$peer/package-lock.json" "$stamp"
fi

# transformers.js reads a Hugging Face export folder with onnx/encoder_model.onnx and
# onnx/decoder_model_merged.onnx (not the split decoders the student ships), tokenizer.json and
# tokenizer_config.json: the same weights, merged by tools/onnx-fixture/merge_decoders.py.
student=models/flan-t5-student/onnx
merged=artifacts/peer-bench/flan-t5-student
if [ ! -f "$merged/onnx/decoder_model_merged.onnx" ] || [ "$student/decoder_with_past_model.onnx" -nt "$merged/onnx/decoder_model_merged.onnx" ]; then
  echo "writing the merged decoder for transformers.js to $merged..." >&2
  /usr/bin/python3 -c "import onnx" 2>/dev/null || { echo "bench.sh: Debian's python3-onnx is needed to merge the decoders: apt-get install python3-onnx" >&2; exit 2; }
  mkdir -p "$merged/onnx"
  cp "$student/config.json" "$student/tokenizer.json" "$student/encoder_model.onnx" "$merged/onnx/"
  cp "$student/config.json" "$student/tokenizer.json" models/flan-t5-student/generation_config.json "$merged/"
  cat >"$merged/tokenizer_config.json" <<'JSON'
{"tokenizer_class": "T5Tokenizer", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>", "clean_up_tokenization_spaces": false, "model_max_length": 512}
JSON
  /usr/bin/python3 tools/onnx-fixture/merge_decoders.py "$student" "$merged/onnx/decoder_model_merged.onnx"
fi

dotnet build tests/Harness.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet tests/Harness.Benchmarks/bin/Release/net10.0/Harness.Benchmarks.dll side-by-side --peers "$peer" --t5-merged "$merged" "$@"
