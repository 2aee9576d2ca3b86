#!/usr/bin/env bash
# Sets up what the tests need and runs every test project.
# Ends with one line: "N passed, N failed, N skipped" summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p artifacts/test-results
rm -f artifacts/test-results/*.trx

dotnet build Harness.sln -c Release -nologo -v q || { echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
dotnet test Harness.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory artifacts/test-results
status=$?

passed=0; failed=0; skipped=0
for trx in artifacts/test-results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
