"""The model card of a shipped student: card.json (read by the tests, which check every file's
size and sha256 against it) and README.md (the same facts for people)."""
import hashlib
import json
import os

HYPER = ("steps", "batch_size", "lr", "warmup", "weight_decay", "seed", "heldout_share", "train_share", "device")
RETRAIN = {
    "t5": "train_t5.py --work artifacts/distill/{name} {model_args} --steps {steps}",
    "llama": "train_llama.py --work artifacts/distill/{name} {model_args} --steps {steps}",
}
MODEL_ARGS = {
    "t5": lambda c: f"--d-model {c['d_model']} --d-kv {c['d_kv']} --d-ff {c['d_ff']} --layers {c['num_layers']} --heads {c['num_heads']}",
    "llama": lambda c: f"--dim {c['dim']} --layers {c['layers']} --heads {c['heads']} --kv-heads {c['kv_heads']} --ffn {c['ffn']}",
}


def _files(folder):
    out = {}
    for root, _, names in sorted(os.walk(folder)):
        for n in sorted(names):
            path = os.path.join(root, n)
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            if rel in ("card.json", "README.md"):
                continue
            with open(path, "rb") as f:
                out[rel] = {"bytes": os.path.getsize(path), "sha256": hashlib.sha256(f.read()).hexdigest()}
    return out


def write(folder, kind, summary, trained_on):
    name = os.path.basename(os.path.normpath(folder))
    log = json.load(open(os.path.join(folder, "train_log.json"), encoding="utf-8"))
    args = summary["args"]
    card = {
        "name": name, "kind": kind, "architecture": log["model"], "parameters": summary["parameters"],
        "config": summary["config"],
        "data": {"train": "datasets/tonal-color/train.jsonl", "train_rows": summary["train_rows"],
                 "train_examples": summary["train_rows"] * 3, "heldout_rows": summary["heldout_rows"],
                 "test_split_read": False},
        "training": {**{k: args[k] for k in HYPER}, "final_step": summary["final_step"], "wall_s": summary["wall_s"],
                     "trained_on": trained_on, "final_train_loss": round(summary["final_train_loss"], 4),
                     "final_heldout_loss": summary["final_heldout_loss"]},
        "heldout_score": summary["heldout_score"],
        "files": _files(folder),
    }
    with open(os.path.join(folder, "card.json"), "w", encoding="utf-8") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    with open(os.path.join(folder, "README.md"), "w", encoding="utf-8") as f:
        f.write(_markdown(card, kind))


def _markdown(card, kind):
    t, d, h = card["training"], card["data"], card["heldout_score"]
    retrain = "/usr/bin/python3 tools/distill/" + RETRAIN[kind].format(
        name=card["name"], model_args=MODEL_ARGS[kind](card["config"]), steps=t["steps"])
    lines = [
        f"# {card['name']}: a distilled {'FlanT5-architecture' if kind == 't5' else 'Llama-architecture'} student",
        "",
        "Trained from scratch by this project on the **synthetic** tonal-color train split "
        "(`datasets/tonal-color/train.jsonl`) to imitate its teacher outputs; see `tools/distill/README.md`.",
        "",
        "| | |", "|---|---|",
        f"| architecture | {card['architecture']} |",
        f"| parameters | {card['parameters']:,} |",
        f"| data | {d['train_rows']:,} train intents ({d['train_examples']:,} (intent, tool) examples); "
        f"{d['heldout_rows']:,} train intents held out to choose size and steps; the test split is never read |",
        f"| steps | {t['final_step']:,} of batch {t['batch_size']}, peak lr {t['lr']}, warm-up {t['warmup']}, cosine decay |",
        f"| seed | {t['seed']} |",
        f"| trained on | {t['trained_on'] or t['device']}, {t['wall_s']:.0f} s |",
        f"| final losses | train {t['final_train_loss']:.4f} (mean of the last 50 steps), held-out {t['final_heldout_loss']:.4f} |",
        f"| held-out overall | {h['overall']:.3f} (adjust {h['adjust']['final']:.3f}, selective_adjust "
        f"{h['selective_adjust']['final']:.3f}, filter {h['filter']['final']:.3f}; {h['parse_failures']} parse failures) |",
        "",
        "## Files", "", "| file | bytes | sha256 |", "|---|---:|---|",
    ]
    lines += [f"| `{n}` | {f['bytes']:,} | `{f['sha256']}` |" for n, f in card["files"].items()]
    lines += ["", "`card.json` holds the same facts; a test checks every file against it.", "",
              "## Retrain", "", "```", retrain, "```", "",
              "then `tools/distill/package.py` (see `tools/distill/README.md`). On 2 CPU cores the script "
              "takes about 2 steps a second; `--max-minutes` stops it with a checkpoint that a second run resumes.", ""]
    return "\n".join(lines)
