#!/usr/bin/python3
"""Builds the tiny Llama-architecture fixture the LlamaCpp plugin is tested against.

Writes, into the output folder (default tests/fixtures/llama-tiny/):
  llama-tiny.gguf   a 2-layer Llama (dim 64, 4 heads, 2 KV heads, RoPE, RMSNorm, SwiGLU)
                    with seeded random weights and a SentencePiece (BPE, byte fallback)
                    tokenizer trained on the dataset's intents, as an all-f32 GGUF that
                    carries the Llama-2 chat template;
  reference.json    greedy outputs of this script's own PyTorch forward pass (float64)
                    for a few dozen prompts: prompt token ids, generated token ids and,
                    per step, the margin between the top two logits.

Usage (Debian's Python, which has numpy, torch and sentencepiece):
  /usr/bin/python3 tools/llama-fixture/make_fixture.py <llama.cpp checkout> [out dir]
                   [--dataset datasets/tonal-color/train.jsonl]
                   [--prompts-from datasets/tonal-color/test.jsonl] [--model-only]
                   [--dim 64 --layers 2 --heads 4 --kv-heads 2 --ffn 128]

<llama.cpp checkout> is the llama.cpp source that node-llama-cpp@3.22.1 carries; its
gguf-py is put on sys.path while this runs (it is not copied into the repo). Get it with:
  npm pack node-llama-cpp@3.22.1 && tar xzf node-llama-cpp-3.22.1.tgz
  git clone package/llama/gitRelease.bundle llama.cpp
The benchmark's 7B-layout model is made by the same script with
  --dim 4096 --heads 32 --kv-heads 32 --ffn 11008 --layers 2 --model-only
"""
import argparse
import json
import math
import os
import sys
import tempfile

import numpy as np
import torch

SEED = 20241003
INST_TEMPLATE = "[INST] {prompt} [/INST]"
# The Llama-2 chat template (as Meta ships it) so `chat_template: gguf` has one to use.
LLAMA2_JINJA = (
    "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
    "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
    "{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
    "{% if loop.index0 == 0 and system_message != false %}"
    "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
    "{% else %}{% set content = message['content'] %}{% endif %}"
    "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"
    "{% elif message['role'] == 'assistant' %}{{ ' ' + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}"
)
MADE_UP_INTENTS = [
    "golden hour", "moody teal and orange", "vintage film", "bright and airy", "cold winter morning",
    "warm sunset glow", "black and white noir", "faded summer", "cinematic night", "pastel dream",
    "high contrast street", "soft portrait", "autumn leaves", "desert heat", "foggy forest",
    "neon city lights", "retro polaroid", "crisp mountain air", "underwater blue", "candle light dinner",
    "rainy day blues", "spring blossom", "sepia memories", "dramatic storm", "tropical beach",
    "muted earth tones", "vibrant festival", "snowy landscape", "dusty road trip", "cozy cabin",
    "electric purple haze", "minimal clean white", "lush green garden", "harsh midday sun", "blue hour calm",
    "gritty documentary", "dreamy haze", "cool mint", "rich chocolate tones", "washed out indie",
]
TOOLS = ["adjust", "selective_adjust", "filter"]
JSON_SNIPPETS = [
    '{"exposure":0,"contrast":10,"brightness":10,"highlights":20,"shadows":-10,"saturation":15}',
    '{"vibrance":15,"temperature":30,"tint":10,"hue":0,"bloom":0,"sharpen":0,"structure":0,"linearOffset":0}',
    '{"red":{"saturation":20,"luminance":10},"orange":{"saturation":30,"luminance":20}}',
    '{"yellow":{"saturation":40,"luminance":30},"green":{"saturation":-20,"luminance":0}}',
    '{"cyan":{"saturation":-20,"luminance":0},"blue":{"saturation":0,"luminance":0}}',
    '{"name":"faded_HighNoon","intensity":40}', "null",
]


def read_intents(path):
    if path is None or not os.path.exists(path):
        return MADE_UP_INTENTS
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["intent"] for line in f if line.strip()]


def train_tokenizer(intents, vocab_size, workdir):
    import sentencepiece as spm
    corpus = os.path.join(workdir, "corpus.txt")
    with open(corpus, "w", encoding="utf-8") as f:
        for i, intent in enumerate(intents):
            f.write(f"[INST] tool: {TOOLS[i % 3]} intent: {intent} [/INST]\n")
            f.write(JSON_SNIPPETS[i % len(JSON_SNIPPETS)] + "\n")
    prefix = os.path.join(workdir, "tok")
    spm.SentencePieceTrainer.train(
        input=corpus, model_prefix=prefix, model_type="bpe", vocab_size=vocab_size,
        byte_fallback=True, normalization_rule_name="identity", add_dummy_prefix=True,
        remove_extra_whitespaces=False, split_digits=True, unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
        character_coverage=1.0, num_threads=1, minloglevel=2)
    return spm.SentencePieceProcessor(model_file=prefix + ".model")


def make_weights(a, vocab):
    g = torch.Generator().manual_seed(SEED)
    head_dim = a.dim // a.heads

    def rnd(*shape, std):
        return (torch.randn(*shape, generator=g, dtype=torch.float64) * std)

    w = {"token_embd.weight": rnd(vocab, a.dim, std=1.0),
         "output_norm.weight": 1.0 + rnd(a.dim, std=0.1),
         # Larger output scale so the top two logits are usually well apart.
         "output.weight": rnd(vocab, a.dim, std=3.0 / math.sqrt(a.dim))}
    for i in range(a.layers):
        p = f"blk.{i}."
        w[p + "attn_norm.weight"] = 1.0 + rnd(a.dim, std=0.1)
        w[p + "attn_q.weight"] = rnd(a.heads * head_dim, a.dim, std=1.0 / math.sqrt(a.dim))
        w[p + "attn_k.weight"] = rnd(a.kv_heads * head_dim, a.dim, std=1.0 / math.sqrt(a.dim))
        w[p + "attn_v.weight"] = rnd(a.kv_heads * head_dim, a.dim, std=1.0 / math.sqrt(a.dim))
        w[p + "attn_output.weight"] = rnd(a.dim, a.heads * head_dim, std=1.0 / math.sqrt(a.dim))
        w[p + "ffn_norm.weight"] = 1.0 + rnd(a.dim, std=0.1)
        w[p + "ffn_gate.weight"] = rnd(a.ffn, a.dim, std=1.0 / math.sqrt(a.dim))
        w[p + "ffn_up.weight"] = rnd(a.ffn, a.dim, std=1.0 / math.sqrt(a.dim))
        w[p + "ffn_down.weight"] = rnd(a.dim, a.ffn, std=1.0 / math.sqrt(a.ffn))
    return w


def rms_norm(x, weight, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def rope(x, positions, base):
    # llama.cpp's "normal" RoPE for the llama architecture rotates adjacent pairs (x0, x1), (x2, x3), ...
    t, h, d = x.shape
    inv = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    ang = positions[:, None].double() * inv[None, :]
    cos, sin = torch.cos(ang)[:, None, :], torch.sin(ang)[:, None, :]
    x0, x1 = x[..., 0::2], x[..., 1::2]
    out = torch.empty_like(x)
    out[..., 0::2] = x0 * cos - x1 * sin
    out[..., 1::2] = x0 * sin + x1 * cos
    return out


def forward(w, a, tokens):
    """Logits of every position for one sequence (float64, no cache: recomputed each step)."""
    head_dim = a.dim // a.heads
    x = w["token_embd.weight"][torch.tensor(tokens)]
    t = x.shape[0]
    pos = torch.arange(t)
    mask = torch.full((t, t), float("-inf"), dtype=torch.float64).triu(1)
    for i in range(a.layers):
        p = f"blk.{i}."
        h = rms_norm(x, w[p + "attn_norm.weight"], a.eps)
        q = rope((h @ w[p + "attn_q.weight"].T).view(t, a.heads, head_dim), pos, a.rope_base)
        k = rope((h @ w[p + "attn_k.weight"].T).view(t, a.kv_heads, head_dim), pos, a.rope_base)
        v = (h @ w[p + "attn_v.weight"].T).view(t, a.kv_heads, head_dim)
        rep = a.heads // a.kv_heads
        k, v = k.repeat_interleave(rep, dim=1), v.repeat_interleave(rep, dim=1)
        att = torch.einsum("qhd,khd->hqk", q, k) / math.sqrt(head_dim) + mask
        o = torch.einsum("hqk,khd->qhd", torch.softmax(att, -1), v).reshape(t, a.heads * head_dim)
        x = x + o @ w[p + "attn_output.weight"].T
        h = rms_norm(x, w[p + "ffn_norm.weight"], a.eps)
        g = torch.nn.functional.silu(h @ w[p + "ffn_gate.weight"].T) * (h @ w[p + "ffn_up.weight"].T)
        x = x + g @ w[p + "ffn_down.weight"].T
    return rms_norm(x, w["output_norm.weight"], a.eps) @ w["output.weight"].T


def greedy(w, a, prompt_ids, eos, max_new):
    ids, out, margins = list(prompt_ids), [], []
    for _ in range(max_new):
        logits = forward(w, a, ids)[-1]
        top = torch.topk(logits, 2)
        tok = int(top.indices[0])
        out.append(tok)
        margins.append(float(top.values[0] - top.values[1]))
        if tok == eos:
            break
        ids.append(tok)
    return out, margins


def write_vocab(gguf, writer, sp, add_bos, add_eos):
    """The SentencePiece model as a llama-type (SPM) GGUF vocabulary."""
    writer.add_tokenizer_model("llama")
    tokens, scores, types = [], [], []
    for i in range(sp.get_piece_size()):
        tokens.append(sp.id_to_piece(i).encode("utf-8"))
        scores.append(sp.get_score(i))
        if sp.is_unknown(i):
            types.append(gguf.TokenType.UNKNOWN)
        elif sp.is_control(i):
            types.append(gguf.TokenType.CONTROL)
        elif sp.is_byte(i):
            types.append(gguf.TokenType.BYTE)
        elif sp.is_unused(i):
            types.append(gguf.TokenType.UNUSED)
        else:
            types.append(gguf.TokenType.NORMAL)
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(sp.bos_id())
    writer.add_eos_token_id(sp.eos_id())
    writer.add_unk_token_id(sp.unk_id())
    writer.add_add_bos_token(add_bos)
    writer.add_add_eos_token(add_eos)


def write_gguf(gguf, path, a, w, sp):
    vocab = sp.get_piece_size()
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_name(a.name)
    writer.add_context_length(a.context)
    writer.add_embedding_length(a.dim)
    writer.add_block_count(a.layers)
    writer.add_feed_forward_length(a.ffn)
    writer.add_head_count(a.heads)
    writer.add_head_count_kv(a.kv_heads)
    writer.add_layer_norm_rms_eps(a.eps)
    writer.add_rope_freq_base(a.rope_base)
    writer.add_rope_dimension_count(a.dim // a.heads)
    writer.add_vocab_size(vocab)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    write_vocab(gguf, writer, sp, add_bos=True, add_eos=False)
    writer.add_chat_template(LLAMA2_JINJA)
    for name, tensor in w.items():
        writer.add_tensor(name, tensor.to(torch.float32).numpy())
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("llama_cpp", help="llama.cpp checkout (its gguf-py is used)")
    ap.add_argument("out", nargs="?", default="tests/fixtures/llama-tiny")
    ap.add_argument("--dataset", default="datasets/tonal-color/train.jsonl")
    ap.add_argument("--prompts-from", default="datasets/tonal-color/test.jsonl",
                    help="intents the reference prompts are drawn from (default: the test split)")
    ap.add_argument("--name", default="llama-tiny")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--kv-heads", type=int, default=2)
    ap.add_argument("--ffn", type=int, default=128)
    ap.add_argument("--vocab", type=int, default=512)
    ap.add_argument("--context", type=int, default=512)
    ap.add_argument("--prompts", type=int, default=36)
    ap.add_argument("--max-new", type=int, default=16)
    ap.add_argument("--model-only", action="store_true", help="write the GGUF only (no reference)")
    a = ap.parse_args()
    a.eps, a.rope_base = 1e-5, 10000.0
    sys.path.insert(0, os.path.join(a.llama_cpp, "gguf-py"))
    import gguf
    os.makedirs(a.out, exist_ok=True)
    torch.manual_seed(SEED)
    intents = read_intents(a.dataset)
    with tempfile.TemporaryDirectory() as tmp:
        sp = train_tokenizer(intents, a.vocab, tmp)
    w = make_weights(a, sp.get_piece_size())
    gguf_path = os.path.join(a.out, a.name + ".gguf")
    write_gguf(gguf, gguf_path, a, w, sp)
    print(f"wrote {gguf_path} ({os.path.getsize(gguf_path)} bytes)")
    if a.model_only:
        return
    rng = np.random.default_rng(SEED)
    pool = read_intents(a.prompts_from)
    chosen = rng.choice(len(pool), size=min(a.prompts, len(pool)), replace=False)
    cases = []
    for n, idx in enumerate(chosen):
        prompt = f"tool: {TOOLS[n % 3]}\nintent: {pool[idx]}"
        ids = [sp.bos_id()] + sp.encode(INST_TEMPLATE.format(prompt=prompt))
        out, margins = greedy(w, a, ids, sp.eos_id(), a.max_new)
        cases.append({"prompt": prompt, "prompt_ids": ids, "output_ids": out,
                      "margins": [round(m, 6) for m in margins]})
    ref = {"model": a.name + ".gguf", "template": INST_TEMPLATE, "max_new_tokens": a.max_new,
           "seed": SEED, "cases": cases}
    ref_path = os.path.join(a.out, "reference.json")
    with open(ref_path, "w", encoding="utf-8") as f:
        json.dump(ref, f, indent=1)
    small = sum(m < 1e-2 for c in cases for m in c["margins"])
    total = sum(len(c["margins"]) for c in cases)
    print(f"wrote {ref_path}: {len(cases)} prompts, {total} steps, {small} with margin < 0.01")


if __name__ == "__main__":
    main()
