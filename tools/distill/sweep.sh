#!/usr/bin/env bash
# Trains the candidate students side by side on one CUDA GPU (each a separate process), then
# packs each work folder into OUT_DIR/<name>.tar.gz and prints each held-out score. Sizes and
# steps are chosen from these held-out scores (train rows only; the test split is not read).
#   tools/distill/sweep.sh OUT_DIR [DEVICE] [STEPS] [MAX_MINUTES]
# The shipped students come from `sweep.sh OUT cuda 3000 2.8`: a first sweep at 6000 steps
# showed the held-out loss bottoming out near step 2500-3000 and rising after (memorising the
# teacher's noise), and t5-d (12000 steps) scoring below t5-a.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: sweep.sh OUT_DIR [DEVICE] [STEPS] [MAX_MINUTES]}; device=${2:-cuda}; steps=${3:-3000}; minutes=${4:-7}
work=$(mktemp -d); export PYTHONUNBUFFERED=1
py=${PYTHON:-python3}
common=(--device "$device" --max-minutes "$minutes" --eval-every 500 --steps "$steps")
run() { local name=$1; shift; "$py" tools/distill/"$@" --work "$work/$name" "${common[@]}" >"$work/$name.log" 2>&1 & }
run t5-a     train_t5.py --d-model 128 --layers 3 --d-ff 320 --heads 4
run t5-b     train_t5.py --d-model 128 --layers 4 --d-ff 384 --heads 4
run t5-c     train_t5.py --d-model 160 --layers 4 --d-ff 448 --heads 5
run t5-ro2   train_t5.py --d-model 128 --layers 4 --d-ff 384 --heads 4 --train-share 0.125
run llama-a  train_llama.py --dim 128 --layers 4 --ffn 384 --heads 4 --kv-heads 4
run llama-b  train_llama.py --dim 160 --layers 6 --ffn 448 --heads 5 --kv-heads 5
wait
mkdir -p "$out"
for log in "$work"/*.log; do
  name=$(basename "$log" .log)
  cp "$log" "$work/$name/train.log" 2>/dev/null
  echo "== $name: $(head -1 "$log")"; grep -E "held-out score|budget|Error|error" "$log" | tail -3
  [ -f "$work/$name/checkpoint.pt" ] && "$py" tools/distill/pack_run.py "$work/$name" "$out/$name.tar.gz"
done
ls -la "$out"
