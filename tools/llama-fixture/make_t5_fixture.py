#!/usr/bin/python3
"""Builds a tiny T5-architecture (encoder-decoder) GGUF and its PyTorch greedy reference.

Same recipe as make_fixture.py (whose tokenizer and GGUF vocabulary code it reuses):
seeded random weights, the SentencePiece tokenizer trained on the dataset's intents,
f32 tensors. The model is flan-T5 shaped: 2 encoder and 2 decoder layers, dim 64,
4 heads, gated-GELU FFN 128, T5's RMS layer norm, relative position buckets (32,
max distance 128) from layer 0, no attention scaling, untied output. The prompt is
the raw `tool: <tool>\\nintent: <intent>` followed by </s>; decoding starts from the
decoder start token (BOS here).

Usage: /usr/bin/python3 tools/llama-fixture/make_t5_fixture.py <llama.cpp checkout> [out dir]
"""
import argparse
import json
import math
import os
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixture as base  # noqa: E402

SEED = 20241004
BUCKETS, MAX_DISTANCE = 32, 128


def bucket(key_pos, query_pos, bidirectional):
    """llama.cpp's llama_relative_position_bucket, float rounding included."""
    n = BUCKETS // 2 if bidirectional else BUCKETS
    max_exact = n // 2
    rel = key_pos - query_pos
    out = 0
    if bidirectional:
        out += n if rel > 0 else 0
        rel = abs(rel)
    else:
        rel = -min(rel, 0)
    if rel < max_exact:
        return out + rel
    logf = float(np.log(np.float32(rel / max_exact)))
    large = math.floor(max_exact + logf * (n - max_exact) / math.log(MAX_DISTANCE / max_exact))
    return out + min(large, n - 1)


def make_weights(a, vocab):
    g = torch.Generator().manual_seed(SEED)

    def rnd(*shape, std):
        return torch.randn(*shape, generator=g, dtype=torch.float64) * std

    s = 1.0 / math.sqrt(a.dim)
    w = {"token_embd.weight": rnd(vocab, a.dim, std=1.0),
         "enc.output_norm.weight": 1.0 + rnd(a.dim, std=0.1),
         "dec.output_norm.weight": 1.0 + rnd(a.dim, std=0.1),
         "output.weight": rnd(vocab, a.dim, std=3.0 * s)}
    for side in ("enc", "dec"):
        for i in range(a.layers):
            p = f"{side}.blk.{i}."
            w[p + "attn_norm.weight"] = 1.0 + rnd(a.dim, std=0.1)
            if i == 0:
                w[p + "attn_rel_b.weight"] = rnd(BUCKETS, a.heads, std=0.5)
            for m in ("q", "k", "v"):
                w[p + f"attn_{m}.weight"] = rnd(a.dim, a.dim, std=s * (s ** 0.5 if m == "q" else 1.0))
            w[p + "attn_o.weight"] = rnd(a.dim, a.dim, std=s)
            if side == "dec":
                w[p + "cross_attn_norm.weight"] = 1.0 + rnd(a.dim, std=0.1)
                for m in ("q", "k", "v"):
                    w[p + f"cross_attn_{m}.weight"] = rnd(a.dim, a.dim, std=s * (s ** 0.5 if m == "q" else 1.0))
                w[p + "cross_attn_o.weight"] = rnd(a.dim, a.dim, std=s)
            w[p + "ffn_norm.weight"] = 1.0 + rnd(a.dim, std=0.1)
            w[p + "ffn_gate.weight"] = rnd(a.ffn, a.dim, std=s)
            w[p + "ffn_up.weight"] = rnd(a.ffn, a.dim, std=s)
            w[p + "ffn_down.weight"] = rnd(a.dim, a.ffn, std=1.0 / math.sqrt(a.ffn))
    return w


def rms(x, weight, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def attention(a, q_in, kv_in, wq, wk, wv, wo, bias):
    hd = a.dim // a.heads
    q = (q_in @ wq.T).view(-1, a.heads, hd)
    k = (kv_in @ wk.T).view(-1, a.heads, hd)
    v = (kv_in @ wv.T).view(-1, a.heads, hd)
    att = torch.einsum("qhd,khd->hqk", q, k)  # T5: no 1/sqrt(d) scaling
    if bias is not None:
        att = att + bias
    o = torch.einsum("hqk,khd->qhd", torch.softmax(att, -1), v).reshape(-1, a.dim)
    return o @ wo.T


def ffn(x, w, p):
    gate = torch.nn.functional.gelu(x @ w[p + "ffn_gate.weight"].T, approximate="tanh")
    return (gate * (x @ w[p + "ffn_up.weight"].T)) @ w[p + "ffn_down.weight"].T


def position_bias(w, name, q_len, k_len, bidirectional, causal):
    table = w[name]  # (buckets, heads)
    idx = torch.tensor([[bucket(k, q, bidirectional) for k in range(k_len)] for q in range(q_len)])
    bias = table[idx].permute(2, 0, 1)  # heads, q, k
    if causal:
        bias = bias + torch.full((q_len, k_len), float("-inf"), dtype=torch.float64).triu(1)
    return bias


def encode(w, a, tokens):
    x = w["token_embd.weight"][torch.tensor(tokens)]
    bias = position_bias(w, "enc.blk.0.attn_rel_b.weight", len(tokens), len(tokens), True, False)
    for i in range(a.layers):
        p = f"enc.blk.{i}."
        h = rms(x, w[p + "attn_norm.weight"], a.eps)
        x = x + attention(a, h, h, w[p + "attn_q.weight"], w[p + "attn_k.weight"], w[p + "attn_v.weight"], w[p + "attn_o.weight"], bias)
        x = x + ffn(rms(x, w[p + "ffn_norm.weight"], a.eps), w, p)
    return rms(x, w["enc.output_norm.weight"], a.eps)


def decode(w, a, enc, tokens):
    x = w["token_embd.weight"][torch.tensor(tokens)]
    bias = position_bias(w, "dec.blk.0.attn_rel_b.weight", len(tokens), len(tokens), False, True)
    for i in range(a.layers):
        p = f"dec.blk.{i}."
        h = rms(x, w[p + "attn_norm.weight"], a.eps)
        x = x + attention(a, h, h, w[p + "attn_q.weight"], w[p + "attn_k.weight"], w[p + "attn_v.weight"], w[p + "attn_o.weight"], bias)
        h = rms(x, w[p + "cross_attn_norm.weight"], a.eps)
        x = x + attention(a, h, enc, w[p + "cross_attn_q.weight"], w[p + "cross_attn_k.weight"], w[p + "cross_attn_v.weight"], w[p + "cross_attn_o.weight"], None)
        x = x + ffn(rms(x, w[p + "ffn_norm.weight"], a.eps), w, p)
    return rms(x, w["dec.output_norm.weight"], a.eps) @ w["output.weight"].T


def write_gguf(gguf, path, a, w, sp):
    writer = gguf.GGUFWriter(path, "t5")
    writer.add_name("t5-tiny")
    writer.add_context_length(a.context)
    writer.add_embedding_length(a.dim)
    writer.add_block_count(a.layers)
    writer.add_feed_forward_length(a.ffn)
    writer.add_head_count(a.heads)
    writer.add_key_length(a.dim // a.heads)
    writer.add_value_length(a.dim // a.heads)
    writer.add_layer_norm_rms_eps(a.eps)
    writer.add_relative_attn_buckets_count(BUCKETS)
    writer.add_decoder_start_token_id(sp.bos_id())
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    base.write_vocab(gguf, writer, sp, add_bos=False, add_eos=True)
    for name, tensor in w.items():
        writer.add_tensor(name, tensor.to(torch.float32).numpy())
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("llama_cpp")
    ap.add_argument("out", nargs="?", default="tests/fixtures/t5-tiny")
    ap.add_argument("--dataset", default="datasets/tonal-color/train.jsonl")
    ap.add_argument("--prompts-from", default="datasets/tonal-color/test.jsonl")
    ap.add_argument("--prompts", type=int, default=24)
    ap.add_argument("--max-new", type=int, default=12)
    a = ap.parse_args()
    a.dim, a.layers, a.heads, a.ffn, a.context, a.eps = 64, 2, 4, 128, 512, 1e-6
    sys.path.insert(0, os.path.join(a.llama_cpp, "gguf-py"))
    import gguf
    os.makedirs(a.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sp = base.train_tokenizer(base.read_intents(a.dataset), 512, tmp)
    w = make_weights(a, sp.get_piece_size())
    path = os.path.join(a.out, "t5-tiny.gguf")
    write_gguf(gguf, path, a, w, sp)
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    pool = base.read_intents(a.prompts_from)
    chosen = np.random.default_rng(SEED).choice(len(pool), size=min(a.prompts, len(pool)), replace=False)
    cases = []
    for n, idx in enumerate(chosen):
        prompt = f"tool: {base.TOOLS[n % 3]}\nintent: {pool[idx]}"
        ids = sp.encode(prompt) + [sp.eos_id()]
        enc = encode(w, a, ids)
        out, margins, dec = [], [], [sp.bos_id()]
        for _ in range(a.max_new):
            top = torch.topk(decode(w, a, enc, dec)[-1], 2)
            tok = int(top.indices[0])
            out.append(tok)
            margins.append(round(float(top.values[0] - top.values[1]), 6))
            if tok == sp.eos_id():
                break
            dec.append(tok)
        cases.append({"prompt": prompt, "prompt_ids": ids, "output_ids": out, "margins": margins})
    ref = {"model": "t5-tiny.gguf", "template": "{prompt}</s>", "max_new_tokens": a.max_new, "seed": SEED, "cases": cases}
    with open(os.path.join(a.out, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, indent=1)
    small = sum(m < 1e-2 for c in cases for m in c["margins"])
    print(f"wrote reference.json: {len(cases)} prompts, {small} steps with margin < 0.01")


if __name__ == "__main__":
    main()
