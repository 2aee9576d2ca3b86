#!/usr/bin/env bash
# The main job: builds the harness and its plugins (Release; the build also patches TorchSharp's
# glue library where this system's libstdc++ lacks GLIBCXX_3.4.32, see plugins/TorchSharpT5/README.md),
# runs every backend of eval.yaml over the test split, and prints where the report is.
# Usage: ./run-eval.sh [harness eval options: --run-id NAME | --out DIR | --resume ...]
set -euo pipefail
cd "$(dirname "$0")"

dotnet build Harness.sln -c Release -nologo -v q

args=("$@")
run_id="" out=""
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --run-id) run_id="${args[$((i + 1))]:-}" ;;
    --out) out="${args[$((i + 1))]:-}" ;;
  esac
done
if [[ -z "$run_id" && -z "$out" ]]; then
  run_id="eval-$(date -u +%Y%m%d-%H%M%S)"
  args+=(--run-id "$run_id")
fi
report_dir="${out:-reports/$run_id}"

set +e
dotnet src/Harness.Cli/bin/Release/net10.0/harness.dll eval --config eval.yaml "${args[@]}"
status=$?
set -e
echo "report folder: $report_dir"
for f in index.html report.md summary.json run.json; do
  [[ -f "$report_dir/$f" ]] && echo "  $report_dir/$f"
done
exit $status
