"""The training loop both students share: seeded batches bucketed by source length, AdamW
with linear warm-up and cosine decay scheduled by step (never by wall time, which breaks on
a shared machine), a progress line, held-out loss, a step or time budget, checkpoints that a
later run resumes from, and a JSON training log the model card and the report can show."""
import json
import math
import os
import random
import sys
import time

import torch

import data
import dev_score


class Settings:
    def __init__(self, steps, batch_size, lr, warmup, weight_decay, seed, eval_every, max_minutes, log_every=10):
        self.steps = steps
        self.batch_size = batch_size
        self.lr = lr
        self.warmup = warmup
        self.weight_decay = weight_decay
        self.seed = seed
        self.eval_every = eval_every
        self.max_minutes = max_minutes
        self.log_every = log_every

    @staticmethod
    def from_args(args):
        return Settings(args.steps, args.batch_size, args.lr, args.warmup, args.weight_decay, args.seed,
                        args.eval_every, args.max_minutes)


def add_arguments(ap, repo, steps, batch_size, lr, warmup):
    """The options both students share."""
    ap.add_argument("--work", required=True, help="work folder (checkpoint, log, tokenizer)")
    ap.add_argument("--train", default=os.path.join(repo, "datasets", "tonal-color", "train.jsonl"))
    ap.add_argument("--filters", default=os.path.join(repo, "datasets", "tonal-color", "filters.txt"))
    ap.add_argument("--extra-train", default=None, help="extra labelled rows (augmentation), same schema")
    ap.add_argument("--train-share", type=float, default=1.0, help="seeded share of the train rows to use (RO2: 0.125)")
    ap.add_argument("--heldout-share", type=float, default=0.1, help="share of train intents held out for choosing")
    ap.add_argument("--steps", type=int, default=steps)
    ap.add_argument("--batch-size", type=int, default=batch_size)
    ap.add_argument("--lr", type=float, default=lr)
    ap.add_argument("--warmup", type=int, default=warmup)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=20241002)
    ap.add_argument("--max-minutes", type=float, default=40.0, help="stop (with a checkpoint) after this much training")
    ap.add_argument("--eval-every", type=int, default=250)
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--max-new-tokens", type=int, default=64)
    ap.add_argument("--tokenizer-only", action="store_true", help="write the tokenizer into --work and stop")


def prepare(args):
    """(train rows, held-out rows) from the options; sets threads and makes the work folder."""
    if args.threads:
        torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)
    train_rows, held_rows = data.split_heldout(data.read_rows(args.train), args.heldout_share, args.seed)
    if args.train_share < 1.0:
        train_rows = data.subsample(train_rows, args.train_share, args.seed)
    if args.extra_train:
        train_rows = train_rows + data.read_rows(args.extra_train)
    return train_rows, held_rows


def token_loss(logits, labels):
    """(mean cross-entropy over the labelled target tokens, how many there are); -100 is unlabelled."""
    n = int((labels != -100).sum())
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]).float(), labels.reshape(-1), ignore_index=-100)
    return loss, n


def run(args, model, train_rows, held_rows, encode, loss_fn, generate, config, describe):
    """Trains a student and scores it on the held-out rows. encode(examples) gives encoded
    examples whose first item is the source ids; generate(prompts) gives the answer texts."""
    params = sum(p.numel() for p in model.parameters())
    describe = f"{describe}: {params:,} parameters"
    print(describe, flush=True)
    train_ex = encode(data.examples(train_rows))
    held_ex = encode(data.examples(held_rows))
    log = train(model, loss_fn, train_ex, held_ex, lambda e: len(e[0]), Settings.from_args(args), args.work, describe)

    def outputs_for(rows):
        examples = data.examples(rows)
        texts = generate([p for p, _, _, _ in examples])
        return {(rid, tool): text for (_, _, rid, tool), text in zip(examples, texts)}

    finish(args, log, config, params, train_rows, held_rows, outputs_for)


def finish(args, log, config, params, train_rows, held_rows, outputs_for):
    """Scores the held-out rows (outputs_for(rows) -> {(id, tool): text}) and writes dev_score.json."""
    started = time.time()
    held_score = dev_score.score(held_rows, outputs_for(held_rows)) if held_rows else {}
    summary = {"config": config, "parameters": params, "args": vars(args), "heldout_rows": len(held_rows),
               "train_rows": len(train_rows), "heldout_score": held_score, "final_step": log["final_step"],
               "wall_s": log["wall_s"], "final_train_loss": log["final_train_loss"],
               "final_heldout_loss": log["final_heldout_loss"]}
    with open(os.path.join(args.work, "dev_score.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    print(f"held-out score ({len(held_rows)} intents, {time.time() - started:.0f} s): {json.dumps(held_score)}", flush=True)


def batches(lengths, batch_size, rng):
    """Indices in batches of similar source length (lengths jittered so the buckets mix
    tools and intents), in a shuffled batch order: one epoch."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i] + rng.random() * 3, rng.random()))
    out = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(out)
    return out


def learning_rate(s, step):
    if step < s.warmup:
        return s.lr * (step + 1) / s.warmup
    progress = (step - s.warmup) / max(1, s.steps - s.warmup)
    return s.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def heldout_loss(model, loss_fn, held, batch_size):
    model.eval()
    total, tokens = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(held), batch_size):
            loss, n = loss_fn(held[i:i + batch_size])
            total += float(loss) * n
            tokens += n
    model.train()
    return total / max(1, tokens)


def train(model, loss_fn, train_examples, held_examples, source_length, s, work_dir, describe=""):
    """Trains `model` in place. `loss_fn(examples)` returns (mean loss per target token, target
    tokens). Writes work_dir/checkpoint.pt (resumed from when present) and work_dir/train_log.json."""
    os.makedirs(work_dir, exist_ok=True)
    ckpt_path = os.path.join(work_dir, "checkpoint.pt")
    optim = torch.optim.AdamW(model.parameters(), lr=s.lr, weight_decay=s.weight_decay, betas=(0.9, 0.98))
    log = {"settings": vars(s), "model": describe, "train_examples": len(train_examples),
           "heldout_examples": len(held_examples), "steps": [], "heldout": [], "wall_s": 0.0}
    step = 0
    if os.path.exists(ckpt_path):
        state = torch.load(ckpt_path, map_location="cpu")
        model.load_state_dict(state["model"])
        optim.load_state_dict(state["optim"])
        step, log = state["step"], state["log"]
        print(f"resuming from step {step} ({ckpt_path})", flush=True)
    rng = random.Random(s.seed * 1000003 + step)
    torch.manual_seed(s.seed + step)
    lengths = [source_length(e) for e in train_examples]
    queue, started, done_tokens, first_step = [], time.time(), 0, step
    wall_before = log["wall_s"]
    model.train()
    while step < s.steps:
        if (time.time() - started) / 60 + wall_before / 60 >= s.max_minutes:
            print(f"time budget of {s.max_minutes} min reached at step {step}", flush=True)
            break
        if not queue:
            queue = batches(lengths, s.batch_size, rng)
        batch = [train_examples[i] for i in queue.pop()]
        for group in optim.param_groups:
            group["lr"] = learning_rate(s, step)
        loss, n = loss_fn(batch)
        optim.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
        step += 1
        done_tokens += n
        elapsed = time.time() - started
        log["steps"].append([step, round(float(loss), 5)])
        if step % s.log_every == 0 or step == s.steps:
            rate = done_tokens / max(elapsed, 1e-9)
            eta = (s.steps - step) * elapsed / max(1, step - first_step)
            print(f"step {step}/{s.steps}  loss {float(loss):.4f}  lr {learning_rate(s, step):.2e}  "
                  f"{rate:,.0f} target tokens/s  ETA {eta / 60:.1f} min", flush=True)
        if step % s.eval_every == 0 or step == s.steps:
            held = heldout_loss(model, loss_fn, held_examples, s.batch_size * 2) if held_examples else float("nan")
            log["heldout"].append([step, round(held, 5)])
            log["wall_s"] = round(wall_before + time.time() - started, 1)
            print(f"step {step}: held-out loss {held:.4f}", flush=True)
            torch.save({"model": model.state_dict(), "optim": optim.state_dict(), "step": step, "log": log}, ckpt_path)
    log["wall_s"] = round(wall_before + time.time() - started, 1)
    log["final_step"] = step
    log["final_train_loss"] = sum(l for _, l in log["steps"][-50:]) / max(1, len(log["steps"][-50:]))
    log["final_heldout_loss"] = log["heldout"][-1][1] if log["heldout"] else None
    torch.save({"model": model.state_dict(), "optim": optim.state_dict(), "step": step, "log": log}, ckpt_path)
    with open(os.path.join(work_dir, "train_log.json"), "w", encoding="utf-8") as f:
        json.dump(log, f)
    sys.stdout.flush()
    return log
