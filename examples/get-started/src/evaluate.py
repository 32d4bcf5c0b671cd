"""Scores the model as DVCLive lays it out: eval/metrics.json, and ROC and confusion-matrix data under eval/plots."""
import json
import os
import sys

from common import load_features, predict_forest

with open(sys.argv[1]) as f:
    model = json.load(f)
summary = {"avg_prec": {}, "roc_auc": {}}


def dump(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, indent=4)


for split in ("train", "test"):
    scored = sorted(((predict_forest(model, set(r["x"])), r["label"]) for r in load_features(sys.argv[2], split)["rows"]), reverse=True)
    positives = sum(label for _, label in scored)
    negatives = len(scored) - positives
    tp = fp = 0
    roc, precisions = [{"fpr": 0.0, "tpr": 0.0, "threshold": 1.0}], []
    for score, label in scored:
        tp, fp = tp + label, fp + 1 - label
        if label:
            precisions.append(tp / (tp + fp))
        roc.append({"fpr": fp / negatives, "tpr": tp / positives, "threshold": score})
    summary["avg_prec"][split] = sum(precisions) / positives
    summary["roc_auc"][split] = sum((b["fpr"] - a["fpr"]) * (a["tpr"] + b["tpr"]) / 2 for a, b in zip(roc, roc[1:]))
    dump(os.path.join("eval", "plots", "sklearn", "roc", split + ".json"), {"roc": roc})
    cm = [{"actual": label, "predicted": int(score >= 0.5)} for score, label in scored]
    dump(os.path.join("eval", "plots", "sklearn", "cm", split + ".json"), {"cm": cm})
dump(os.path.join("eval", "metrics.json"), summary)
