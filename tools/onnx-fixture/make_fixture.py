#!/usr/bin/python3
"""Builds the fixture student for the Onnx plugin: a tiny T5 v1.1 (FlanT5 family) with
seeded random weights and a SentencePiece unigram model trained on the dataset's intents.

Writes a Hugging Face-style checkpoint (config.json, model.safetensors, tokenizer.json,
spiece.model), the ONNX export in both layouts (split/ and merged/), and reference greedy
outputs of the PyTorch model (reference-outputs.jsonl), batch 1 and batched.

Offline; needs Debian's python3 with torch, onnx and sentencepiece:
    /usr/bin/python3 tools/onnx-fixture/make_fixture.py                 # tests/fixtures/flan-t5-tiny
    /usr/bin/python3 tools/onnx-fixture/make_fixture.py --size base --out artifacts/flan-t5-base-random
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import make_tokenizer_reference  # noqa: E402
import t5_model  # noqa: E402
import tokenizer_files  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SIZES = {
    # name: vocab, d_model, d_kv, d_ff, layers, heads
    "tiny": (384, 32, 8, 64, 2, 4),
    "base": (32128, 768, 64, 2048, 12, 12),
}
TOOLS = ("adjust", "selective_adjust", "filter")
SEED = 20241002


def load_intents(paths):
    intents = []
    for path in paths:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    intents.append(json.loads(line)["intent"])
    return intents


def training_text(intents):
    lines = []
    for intent in intents:
        for tool in TOOLS:
            lines.append(f"tool: {tool} intent: {intent}")
    # Output-side text, so decoded samples look like the task's JSON.
    lines += ['{"exposure":0,"contrast":10,"brightness":10,"highlights":20,"shadows":-10}',
              '{"red":{"saturation":20,"luminance":10},"blue":{"saturation":0,"luminance":0}}',
              '{"name":"faded_HighNoon","intensity":40}', "null none"] * 20
    return lines


def prompts(intents, count):
    rng = random.Random(SEED)
    chosen = rng.sample(intents, min(count, len(intents)))
    return [f"tool: {TOOLS[i % 3]}\nintent: {intent}" for i, intent in enumerate(chosen)]


def write_safetensors(path, tensors):
    """The safetensors format: 8-byte little-endian header length, JSON header, raw data."""
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().contiguous().float().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little"))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def build_model(size, vocab):
    _, d_model, d_kv, d_ff, layers, heads = SIZES[size]
    cfg = t5_model.Config(vocab, d_model, d_kv, d_ff, layers, heads)
    torch.manual_seed(SEED)
    model = t5_model.T5(cfg)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.copy_(1.0 + 0.1 * torch.randn_like(p))
            elif "relative_attention_bias" in name:
                p.normal_(0.0, 0.5)
            elif name.startswith("shared"):
                p.normal_(0.0, 1.0)
            else:
                p.normal_(0.0, (1.0 / p.shape[1]) ** 0.5)
        # Lean the head towards </s> a little so some references stop early.
        model.lm_head.weight[1] *= 1.6
    model.eval()
    return model


def reference_outputs(model, sp, texts, max_new_tokens, batch_size):
    rows = []

    def run(batch):
        ids = [sp.encode(t) + [1] for t in batch]
        width = max(len(x) for x in ids)
        input_ids = torch.tensor([x + [0] * (width - len(x)) for x in ids], dtype=torch.long)
        mask = torch.tensor([[1] * len(x) + [0] * (width - len(x)) for x in ids], dtype=torch.long)
        return ids, t5_model.greedy(model, input_ids, mask, max_new_tokens)

    for mode, size in (("batch1", 1), ("batched", batch_size)):
        for start in range(0, len(texts), size):
            batch = texts[start:start + size]
            ids, outs = run(batch)
            for k, text in enumerate(batch):
                rows.append({"mode": mode, "batch": start // size, "prompt": text, "input_ids": ids[k],
                             "output_ids": outs[k], "stopped_at_eos": len(outs[k]) < max_new_tokens})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--out", default=os.path.join(REPO, "tests", "fixtures", "flan-t5-tiny"))
    parser.add_argument("--dataset", nargs="*", default=[os.path.join(REPO, "datasets", "tonal-color", f"{s}.jsonl")
                                                        for s in ("train", "test")])
    parser.add_argument("--prompts", type=int, default=32)
    parser.add_argument("--max-new-tokens", type=int, default=12)
    args = parser.parse_args()

    intents = load_intents(args.dataset) or tokenizer_files.FALLBACK_INTENTS
    out = os.path.abspath(args.out)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "split"))
    os.makedirs(os.path.join(out, "merged"))

    vocab = SIZES[args.size][0]
    sp = tokenizer_files.train(training_text(intents), os.path.join(out, "spiece.model"), min(vocab, 384))
    # The tiny model's vocabulary is exactly the tokenizer's; base keeps FlanT5's padded 32128.
    model = build_model(args.size, sp.get_piece_size() if args.size == "tiny" else vocab)
    config = model.cfg.to_hf()
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2, sort_keys=True)
        f.write("\n")
    tokenizer_files.write_tokenizer_json(sp, os.path.join(out, "tokenizer.json"))
    if args.size == "tiny":
        write_safetensors(os.path.join(out, "model.safetensors"), model.hf_state_dict())

    split = os.path.join(out, "split")
    export.export_all(model, split)
    export.merge_decoders(os.path.join(split, "decoder_model.onnx"), os.path.join(split, "decoder_with_past_model.onnx"),
                          os.path.join(out, "merged", "decoder_model_merged.onnx"), model.cfg.num_layers)
    shutil.copy(os.path.join(split, "encoder_model.onnx"), os.path.join(out, "merged", "encoder_model.onnx"))
    for folder in (split, os.path.join(out, "merged")):
        for name in ("config.json", "tokenizer.json"):
            shutil.copy(os.path.join(out, name), os.path.join(folder, name))

    if args.size == "tiny":
        rows = reference_outputs(model, sp, prompts(intents, args.prompts), args.max_new_tokens, 5)
        with open(os.path.join(out, "reference-outputs.jsonl"), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        with open(os.path.join(out, "reference-settings.json"), "w", encoding="utf-8") as f:
            json.dump({"max_new_tokens": args.max_new_tokens, "batch_size": 5}, f, indent=2, sort_keys=True)
            f.write("\n")
        make_tokenizer_reference.main(out)
    for root, _, files in sorted(os.walk(out)):
        for name in sorted(files):
            path = os.path.join(root, name)
            digest = hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]
            print(f"{os.path.relpath(path, out):45s} {os.path.getsize(path):>12,d}  {digest}")


if __name__ == "__main__":
    main()
