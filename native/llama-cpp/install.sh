#!/usr/bin/env bash
# Installs the prebuilt llama.cpp libraries (libllama, libggml*) pinned in package.json
# into native/llama-cpp/node_modules, without running any package scripts.
#   native/llama-cpp/install.sh          CPU build only
#   native/llama-cpp/install.sh --cuda   also the CUDA build (@node-llama-cpp/linux-x64-cuda)
# Then build the plugin (dotnet build plugins/LlamaCpp/LlamaCpp.csproj): it copies the
# libraries into bin/plugins/LlamaCpp/ (the CUDA build into bin/plugins/LlamaCpp/cuda/).
set -euo pipefail
cd "$(dirname "$0")"
npm install --ignore-scripts --no-audit --no-fund
if [[ "${1:-}" == "--cuda" ]]; then
  npm install --ignore-scripts --no-audit --no-fund --no-save @node-llama-cpp/linux-x64-cuda@3.22.1
fi
echo "llama.cpp libraries installed under $(pwd)/node_modules/@node-llama-cpp/"
