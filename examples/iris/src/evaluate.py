"""Scores the model on the test split: metrics.json and the confusion-matrix data for plots."""
import json
import os

import common
from common import CLASSES

model = json.load(open("model.json"))
test = json.load(open("data/prepared/test.json"))

pairs = []
for r in test:
    p = common.predict_proba(model, r["x"])
    pairs.append({"actual": r["y"], "predicted": CLASSES[max(range(len(CLASSES)), key=lambda k: p[k])]})

f1s = []
for c in CLASSES:
    tp = sum(1 for q in pairs if q["actual"] == c and q["predicted"] == c)
    fp = sum(1 for q in pairs if q["actual"] != c and q["predicted"] == c)
    fn = sum(1 for q in pairs if q["actual"] == c and q["predicted"] != c)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)

metrics = {
    "accuracy": round(common.accuracy(model, test), 6),
    "loss": round(common.cross_entropy(model, test), 6),
    "f1_macro": round(sum(f1s) / len(f1s), 6),
    "test_rows": len(test),
}
json.dump(metrics, open("metrics.json", "w"), indent=2)
os.makedirs("plots", exist_ok=True)
json.dump(pairs, open("plots/confusion.json", "w"), indent=1)
print("metrics:", metrics)
