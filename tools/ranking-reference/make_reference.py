#!/usr/bin/python3
"""Reference values for the harness's ranking metrics (RankingCalculator), from scikit-learn.

Writes seeded (score, label) cases -- continuous scores, heavy ties, scores rounded to a few
levels, perfect and inverted rankings -- with scikit-learn's average_precision_score,
roc_auc_score and precision_recall_curve, as JSON. The Core tests compare the C# results
with this file, so it is an independent computation of the same definitions.

    /usr/bin/python3 tools/ranking-reference/make_reference.py > tests/Harness.Core.Tests/Metrics/Ranking/ranking-reference.json

Needs scikit-learn (Debian: apt-get install python3-sklearn).
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score


def cases():
    rng = np.random.default_rng(20241002)
    for n, share in ((50, 0.3), (400, 0.7), (1000, 0.9)):
        labels = rng.random(n) < share
        scores = np.clip(0.5 + 0.25 * (labels - 0.5) + 0.25 * rng.standard_normal(n), 0, 1)
        yield f"continuous-{n}", scores, labels
        yield f"rounded-{n}", np.round(scores, 1), labels
    labels = rng.random(200) < 0.4
    yield "all-tied", np.full(200, 0.25), labels
    yield "perfect", labels.astype(float), labels
    yield "inverted", 1 - labels.astype(float), labels
    yield "small", np.array([0.9, 0.8, 0.8, 0.3, 0.1]), np.array([True, False, True, True, False])


def main():
    out = {"sklearn": sklearn.__version__, "cases": []}
    for name, scores, labels in cases():
        precision, recall, thresholds = precision_recall_curve(labels, scores)
        # scikit-learn lists thresholds ascending and appends (precision 1, recall 0); the harness
        # lists the distinct scores descending without that end point.
        curve = [[float(t), float(p), float(r)] for p, r, t in zip(precision[:-1], recall[:-1], thresholds)][::-1]
        out["cases"].append({
            "name": name,
            "scores": [float(s) for s in scores],
            "labels": [bool(v) for v in labels],
            "average_precision": float(average_precision_score(labels, scores)),
            "roc_auc": float(roc_auc_score(labels, scores)),
            "pr_curve": curve,
        })
    json.dump(out, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
