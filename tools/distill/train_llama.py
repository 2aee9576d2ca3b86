#!/usr/bin/python3
"""Distils the Llama-architecture student: a decoder-only model trained from scratch on the
teacher's outputs in Llama-2's chat form, `<s>[INST] tool: <tool>\\nintent: <intent> [/INST]`
followed by the answer and `</s>`, with the loss on the answer tokens only.

Writes into --work: tokenizer.model (SentencePiece BPE with byte fallback, Llama ids: unk 0,
<s> 1, </s> 2), checkpoint.pt (resumed from when present), train_log.json and dev_score.json.
`package.py llama` turns the work folder into the shipped GGUF.

    /usr/bin/python3 tools/distill/train_llama.py --work artifacts/distill/llama --steps 4000
"""
import argparse
import io
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import data  # noqa: E402
import llama_model  # noqa: E402
import train_loop  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
UNK, BOS, EOS = 0, 1, 2


def arguments(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    train_loop.add_arguments(ap, REPO, steps=5000, batch_size=64, lr=1e-3, warmup=200)
    ap.add_argument("--vocab", type=int, default=1000)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--kv-heads", type=int, default=4)
    ap.add_argument("--ffn", type=int, default=384)
    return ap.parse_args(argv)


def render(prompt):
    return data.LLAMA2_TEMPLATE.format(prompt=prompt.strip())


def tokenizer(args, train_rows, path):
    import sentencepiece as spm
    if not os.path.exists(path):
        lines = []
        for p, t, _, _ in data.examples(train_rows):
            lines += [render(p).replace("\n", " "), t]
        buffer = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(lines), model_writer=buffer, model_type="bpe", vocab_size=args.vocab,
            byte_fallback=True, normalization_rule_name="identity", add_dummy_prefix=True,
            remove_extra_whitespaces=False, split_digits=False, unk_id=UNK, bos_id=BOS, eos_id=EOS, pad_id=-1,
            character_coverage=1.0, num_threads=1, minloglevel=2, shuffle_input_sentence=False)
        with open(path, "wb") as f:
            f.write(buffer.getvalue())
    return spm.SentencePieceProcessor(model_file=path)


def encode_examples(sp, examples):
    """(prompt ids with <s>, answer ids with </s>, row id, tool)."""
    return [([BOS] + sp.encode(render(p)), sp.encode(t) + [EOS], rid, tool) for p, t, rid, tool in examples]


def make_loss(model, device):
    def loss_fn(batch):
        seqs = [p + a for p, a, _, _ in batch]
        w = max(len(s) for s in seqs)
        ids = torch.tensor([s + [EOS] * (w - len(s)) for s in seqs], device=device)
        mask = torch.tensor([[1] * len(s) + [0] * (w - len(s)) for s in seqs], device=device)
        labels = torch.tensor([[-100] * (len(p) - 1) + a + [-100] * (w - len(p) - len(a) + 1)
                               for p, a, _, _ in batch], device=device)
        positions = torch.arange(w, device=device)[None].expand(len(batch), w)
        return train_loop.token_loss(model(ids, positions, mask), labels)
    return loss_fn


def generate(model, sp, prompts, device, max_new_tokens, batch_size=256):
    """Greedy answers, prompts left-padded, the whole sequence recomputed each step."""
    model.eval()
    texts = []
    with torch.no_grad():
        for i in range(0, len(prompts), batch_size):
            ids = [[BOS] + sp.encode(render(p)) for p in prompts[i:i + batch_size]]
            w = max(len(x) for x in ids)
            seq = torch.tensor([[EOS] * (w - len(x)) + x for x in ids], device=device)
            mask = torch.tensor([[0] * (w - len(x)) + [1] * len(x) for x in ids], device=device)
            done = torch.zeros(len(ids), dtype=torch.bool, device=device)
            out = []
            for _ in range(max_new_tokens):
                positions = (mask.cumsum(1) - 1).clamp(min=0)
                tok = model(seq, positions, mask)[:, -1, :].argmax(-1)
                tok = torch.where(done, torch.full_like(tok, EOS), tok)
                out.append(tok)
                done = done | (tok == EOS)
                if bool(done.all()):
                    break
                seq = torch.cat([seq, tok[:, None]], 1)
                mask = torch.cat([mask, torch.ones_like(tok)[:, None]], 1)
            for s in torch.stack(out, 1).tolist():
                texts.append(sp.decode(s[:s.index(EOS)] if EOS in s else s))
    model.train()
    return texts


def main(argv=None):
    args = arguments(argv)
    train_rows, held_rows = train_loop.prepare(args)
    sp = tokenizer(args, train_rows, os.path.join(args.work, "tokenizer.model"))
    if args.tokenizer_only:
        return
    torch.manual_seed(args.seed)
    cfg = llama_model.Config(sp.get_piece_size(), args.dim, args.layers, args.heads, args.kv_heads, args.ffn)
    model = llama_model.Llama(cfg).to(args.device)
    describe = (f"Llama dim {cfg.dim}, {cfg.layers} layers, {cfg.heads} heads ({cfg.kv_heads} KV), FFN {cfg.ffn}, "
                f"vocab {cfg.vocab_size}")
    train_loop.run(args, model, train_rows, held_rows, lambda examples: encode_examples(sp, examples),
                   make_loss(model, args.device), lambda prompts: generate(model, sp, prompts, args.device, args.max_new_tokens),
                   cfg.to_json(), describe)


if __name__ == "__main__":
    main()
