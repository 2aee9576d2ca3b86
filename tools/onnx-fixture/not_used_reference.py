#!/usr/bin/python3
"""The not-used probability of the fixture's reference prompts, computed in PyTorch from the
fixture's own checkpoint: softmax of the first decoding step's logits, summed over the first
piece of `null` and </s> (ToolResponse.NotUsedProbability's definition for a T5 student).
Writes reference-not-used.jsonl beside the checkpoint; the HfT5, Onnx and TorchSharp tests
compare their engines with it.

    /usr/bin/python3 tools/onnx-fixture/not_used_reference.py [--fixture tests/fixtures/flan-t5-tiny]
"""
import argparse
import json
import os
import struct
import sys

import numpy as np
import sentencepiece as spm
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import t5_model  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DTYPES = {"F32": np.float32}


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors


def load(folder):
    with open(os.path.join(folder, "config.json"), encoding="utf-8") as f:
        c = json.load(f)
    cfg = t5_model.Config(c["vocab_size"], c["d_model"], c["d_kv"], c["d_ff"], c["num_layers"], c["num_heads"],
                          c["relative_attention_num_buckets"], c["relative_attention_max_distance"], c["layer_norm_epsilon"])
    model = t5_model.T5(cfg)
    weights = read_safetensors(os.path.join(folder, "model.safetensors"))
    with torch.no_grad():
        for name, parameter in model.hf_state_dict().items():
            parameter.copy_(weights[name])
    model.eval()
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fixture", default=os.path.join(REPO, "tests", "fixtures", "flan-t5-tiny"))
    args = ap.parse_args()
    model = load(args.fixture)
    sp = spm.SentencePieceProcessor(model_file=os.path.join(args.fixture, "spiece.model"))
    eos = 1
    first = sorted({sp.encode("null")[0], eos})
    with open(os.path.join(args.fixture, "reference-outputs.jsonl"), encoding="utf-8") as f:
        prompts = [r["prompt"] for r in map(json.loads, f) if r["mode"] == "batch1"]
    rows = []
    with torch.no_grad():
        for prompt in prompts:
            ids = torch.tensor([sp.encode(prompt) + [eos]], dtype=torch.long)
            mask = torch.ones_like(ids)
            logits, _ = model.decode(torch.zeros((1, 1), dtype=torch.long), mask, model.cross_kv(model.encode(ids, mask)))
            p = torch.softmax(logits[0, -1].double(), -1)
            rows.append({"prompt": prompt, "not_used_tokens": first, "not_used": float(p[first].sum())})
    with open(os.path.join(args.fixture, "reference-not-used.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    print(f"{len(rows)} prompts; not_used from {min(r['not_used'] for r in rows):.4f} to {max(r['not_used'] for r in rows):.4f}")


if __name__ == "__main__":
    main()
