#!/usr/bin/env bash
# Installs the pinned ONNX Runtime native library (from onnxruntime-node) under
# native/onnxruntime/node_modules. Scripts are not run: only the shipped binaries are used.
# Rebuild plugins/Onnx afterwards so the library is copied into bin/plugins/Onnx/.
set -euo pipefail
cd "$(dirname "$0")"
npm install --ignore-scripts --no-audit --no-fund
find node_modules/onnxruntime-node/bin -name 'libonnxruntime.so*' -o -name 'onnxruntime.dll' | sort
