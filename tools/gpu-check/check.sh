#!/usr/bin/env bash
# The CUDA path, checked on a machine with an NVIDIA GPU: builds the Onnx plugin's GPU flavour
# (Microsoft.ML.OnnxRuntime.Gpu.Linux), runs the FlanT5 student on CPU and on CUDA in one run
# (gpu.yaml) and fails unless every call's raw output is identical on both devices.
#   tools/gpu-check/check.sh
# Needs the .NET SDK, an NVIDIA driver, CUDA 13 and cuDNN 9 libraries on the loader's path (ONNX
# Runtime 1.32's CUDA provider; the backend names the library it could not load). Afterwards the
# CPU flavour of the plugin is rebuilt, so the main job is as before.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader >&2 \
  || echo "check.sh: nvidia-smi not found; the CUDA backend will say what is missing" >&2

restore() { dotnet build plugins/Onnx/Onnx.csproj -c Release -nologo -v q -clp:ErrorsOnly >&2 || true; }
trap restore EXIT
dotnet build Harness.sln -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet build plugins/Onnx/Onnx.csproj -c Release -nologo -v q -clp:ErrorsOnly -p:OnnxRuntimeDevice=cuda >&2

out=reports/gpu-check
rm -rf "$out"
rc=0
dotnet src/Harness.Cli/bin/Release/net10.0/harness.dll eval --config tools/gpu-check/gpu.yaml --out "$out" || rc=$?
if [ "$rc" -ne 0 ]; then echo "check.sh: the evaluation failed (exit $rc); see the messages above and $out" >&2; exit "$rc"; fi

# The agreement rows: "| model_id | backend | compared with | scenario | calls | identical raw output | ...".
rows=$(grep '^| flan-t5-student | flan-t5-student-onnx-cuda |' "$out/report.md" || true)
if [ -z "$rows" ]; then echo "check.sh: no agreement row for the CUDA backend in $out/report.md" >&2; exit 1; fi
echo "$rows"
if echo "$rows" | awk -F'|' '{ gsub(/ /, "", $7); if ($7 != "100%") bad = 1 } END { exit bad }'; then
  echo "check.sh: CUDA and CPU outputs are identical on every call" >&2
else
  echo "check.sh: CUDA outputs differ from CPU outputs on some calls (the share is in the row above; $out/report.md lists the run)" >&2
  exit 1
fi
