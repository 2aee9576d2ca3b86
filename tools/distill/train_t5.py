#!/usr/bin/python3
"""Distils the FlanT5-architecture student: a T5 v1.1 encoder-decoder trained from scratch on
the teacher's outputs (one multi-task model, one example per (intent, tool)).

Writes into --work: spiece.model (the SentencePiece unigram vocabulary, T5 ids), checkpoint.pt
(resumed from when present), train_log.json and dev_score.json (the held-out score).
`package.py t5` turns the work folder into the shipped model folder.

    /usr/bin/python3 tools/distill/train_t5.py --work artifacts/distill/t5 --steps 3000
    /usr/bin/python3 tools/distill/train_t5.py --work artifacts/distill/t5 --device cuda --steps 3000

Offline, with Debian's Python (torch, sentencepiece); with libopenblas0-pthread installed.
"""
import argparse
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "onnx-fixture"))
import data  # noqa: E402
import t5_model  # noqa: E402
import tokenizer_files  # noqa: E402
import train_loop  # noqa: E402
import vocabulary  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
PAD, EOS = 0, 1


def arguments(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    train_loop.add_arguments(ap, REPO, steps=5000, batch_size=64, lr=1e-3, warmup=200)
    ap.add_argument("--vocab", type=int, default=800, help="SentencePiece's own pieces; the task's fixed pieces come on top")
    ap.add_argument("--d-model", type=int, default=128)
    ap.add_argument("--d-kv", type=int, default=32)
    ap.add_argument("--d-ff", type=int, default=320)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--heads", type=int, default=4)
    return ap.parse_args(argv)


def tokenizer(args, train_rows, path):
    if not os.path.exists(path):
        corpus = [p.replace("\n", " ") + "\n" + t for p, t, _, _ in data.examples(train_rows)]
        lines = [line for pair in corpus for line in pair.split("\n")]
        tokenizer_files.train(lines, path, args.vocab)
        vocabulary.add_pieces(path, vocabulary.task_pieces(vocabulary.filter_names(args.filters)))
    import sentencepiece as spm
    return spm.SentencePieceProcessor(model_file=path)


def init_weights(model, cfg):
    """T5's initialisation (Mesh TensorFlow's factors), seeded by the caller."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.fill_(1.0)
            elif name.startswith("shared"):
                p.normal_(0.0, 1.0)
            elif "relative_attention_bias" in name:
                p.normal_(0.0, cfg.d_model ** -0.5)
            elif name.endswith(".q.weight"):
                p.normal_(0.0, (cfg.d_model * cfg.d_kv) ** -0.5)
            elif name.endswith(".o.weight"):
                p.normal_(0.0, (cfg.num_heads * cfg.d_kv) ** -0.5)
            elif name.endswith("wo.weight"):
                p.normal_(0.0, cfg.d_ff ** -0.5)
            else:
                p.normal_(0.0, cfg.d_model ** -0.5)


def encode_examples(sp, examples):
    return [(sp.encode(p) + [EOS], sp.encode(t) + [EOS], rid, tool) for p, t, rid, tool in examples]


def make_loss(model, device):
    def loss_fn(batch):
        src_w = max(len(s) for s, _, _, _ in batch)
        tgt_w = max(len(t) for _, t, _, _ in batch)
        src = torch.tensor([s + [PAD] * (src_w - len(s)) for s, _, _, _ in batch], device=device)
        mask = torch.tensor([[1] * len(s) + [0] * (src_w - len(s)) for s, _, _, _ in batch], device=device)
        dec = torch.tensor([[PAD] + t[:-1] + [PAD] * (tgt_w - len(t)) for _, t, _, _ in batch], device=device)
        labels = torch.tensor([t + [-100] * (tgt_w - len(t)) for _, t, _, _ in batch], device=device)
        enc = model.encode(src, mask)
        logits, _ = model.decode(dec, mask, model.cross_kv(enc))
        return train_loop.token_loss(logits, labels)
    return loss_fn


def generate(model, sp, prompts, device, max_new_tokens, batch_size=256):
    model.eval()
    texts = []
    for i in range(0, len(prompts), batch_size):
        ids = [sp.encode(p) + [EOS] for p in prompts[i:i + batch_size]]
        w = max(len(x) for x in ids)
        src = torch.tensor([x + [PAD] * (w - len(x)) for x in ids], device=device)
        mask = torch.tensor([[1] * len(x) + [0] * (w - len(x)) for x in ids], device=device)
        texts += [sp.decode(o) for o in greedy_cached(model, src, mask, max_new_tokens)]
    model.train()
    return texts


def greedy_cached(model, src, mask, max_new_tokens):
    with torch.no_grad():
        cross = model.cross_kv(model.encode(src, mask))
        b = src.shape[0]
        nxt = torch.full((b, 1), PAD, dtype=torch.long, device=src.device)
        done = torch.zeros(b, dtype=torch.bool, device=src.device)
        out, past = [], None
        for _ in range(max_new_tokens):
            logits, past = model.decode(nxt, mask, cross, past)
            tok = logits[:, -1, :].argmax(-1)
            tok = torch.where(done, torch.full_like(tok, PAD), tok)
            out.append(tok)
            done = done | (tok == EOS)
            if bool(done.all()):
                break
            nxt = tok[:, None]
        seqs = torch.stack(out, 1).tolist()
    result = []
    for s in seqs:
        result.append(s[:s.index(EOS)] if EOS in s else s)
    return result


def main(argv=None):
    args = arguments(argv)
    train_rows, held_rows = train_loop.prepare(args)
    sp = tokenizer(args, train_rows, os.path.join(args.work, "spiece.model"))
    if args.tokenizer_only:
        return
    torch.manual_seed(args.seed)
    cfg = t5_model.Config(sp.get_piece_size(), args.d_model, args.d_kv, args.d_ff, args.layers, args.heads)
    model = t5_model.T5(cfg)
    init_weights(model, cfg)
    model.to(args.device)
    describe = (f"T5 v1.1 d_model {cfg.d_model}, d_kv {cfg.d_kv}, d_ff {cfg.d_ff}, {cfg.num_layers}+{cfg.num_layers} layers, "
                f"{cfg.num_heads} heads, vocab {cfg.vocab_size}")
    train_loop.run(args, model, train_rows, held_rows, lambda examples: encode_examples(sp, examples),
                   make_loss(model, args.device), lambda prompts: generate(model, sp, prompts, args.device, args.max_new_tokens),
                   cfg.to_hf(), describe)


if __name__ == "__main__":
    main()
