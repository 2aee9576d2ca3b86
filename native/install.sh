#!/usr/bin/env bash
# Installs the native inference engine the LlamaCpp plugin loads, from the npm registry,
# pinned exactly, with install scripts disabled (they would download from elsewhere):
#   llama-cpp/    @node-llama-cpp/linux-x64 -> libllama, libggml* for plugins/LlamaCpp
# (ONNX Runtime comes with the Onnx plugin's build, from its NuGet package.)
# Pass --cuda to add llama.cpp's CUDA build. Idempotent: a second run is quick.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "error: npm is not installed: install Node.js 20+ (apt-get install -y nodejs npm)" >&2; exit 2; }
[ -x llama-cpp/install.sh ] && llama-cpp/install.sh "$@"
exit 0
