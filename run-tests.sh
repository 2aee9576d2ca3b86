#!/usr/bin/env bash
# Sets up what the tests need and runs every test project:
#   1. headless Chromium for the HTML report's browser test, Debian's python3-torch for
#      the distillation scripts' tests, and Slurm with MUNGE for the Slurm launcher test (Debian's packages),
#   2. a Release build of the whole solution (llama.cpp and ONNX Runtime come from NuGet
#      with it; the build also makes TorchSharp's glue library load on a libstdc++ without
#      GLIBCXX_3.4.32, with tools/elf-version-patch: plugins/TorchSharpT5/README.md),
#      then `dotnet test` with coverage.
# Ends with one line, "N passed, N failed, N skipped", summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")"
results=artifacts/test-results
mkdir -p "$results"
rm -rf "${results:?}"/*

summary() { echo "$1 passed, $2 failed, $3 skipped"; }

if ! command -v chromium >/dev/null; then
  echo "installing Debian's chromium for the browser test..."
  (apt-get update -qq && apt-get install -y -qq chromium) >artifacts/chromium-install.log 2>&1 \
    || echo "warning: could not install chromium; the browser test will fail and say how to install it"
fi

# Debian's Python with torch and sentencepiece runs the distillation scripts' tests
# (tests/Harness.Distill.Tests); they fail with these instructions when it is missing.
if ! /usr/bin/python3 -c "import torch, sentencepiece, onnx" >/dev/null 2>&1; then
  echo "installing Debian's python3-torch, python3-sentencepiece, python3-onnx for the distillation tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-sentencepiece python3-onnx libopenblas0-pthread) \
    >artifacts/python-install.log 2>&1 \
    || echo "warning: could not install Debian's torch; the distillation tests will fail and say how to install it"
fi

# Debian's Slurm and MUNGE: SlurmClusterTests starts a single-node cluster of its own and runs
# the generated job array on it; it fails with these instructions when they are missing.
if ! command -v slurmctld >/dev/null && [ ! -x /usr/sbin/slurmctld ]; then
  echo "installing Debian's slurmctld, slurmd, slurm-client and munge for the Slurm launcher test..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge) \
    >artifacts/slurm-install.log 2>&1 \
    || echo "warning: could not install Slurm; the Slurm cluster test will fail and say how to install it"
fi

dotnet build Harness.sln -c Release -nologo -v q -clp:ErrorsOnly \
  || { echo "build failed"; summary 0 1 0; exit 1; }
dotnet test Harness.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" --collect "XPlat Code Coverage"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test failed without a failing test (see above)"; fi
summary "$passed" "$failed" "$skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
