"""Multinomial logistic regression trained by full-batch gradient descent; logs loss per epoch."""
import csv
import json
import os

import common
from common import CLASSES

params = common.load_params()["train"]
train = json.load(open("data/prepared/train.json"))
test = json.load(open("data/prepared/test.json"))

model = {"weights": [[0.0] * 4 for _ in CLASSES], "bias": [0.0] * len(CLASSES)}
lr, l2 = params["learning_rate"], params["l2"]
log = []
for epoch in range(1, params["epochs"] + 1):
    grad_w = [[0.0] * 4 for _ in CLASSES]
    grad_b = [0.0] * len(CLASSES)
    for r in train:
        p = common.predict_proba(model, r["x"])
        for k in range(len(CLASSES)):
            err = p[k] - (1.0 if CLASSES[k] == r["y"] else 0.0)
            grad_b[k] += err
            for j in range(4):
                grad_w[k][j] += err * r["x"][j]
    n = len(train)
    for k in range(len(CLASSES)):
        model["bias"][k] -= lr * grad_b[k] / n
        for j in range(4):
            model["weights"][k][j] -= lr * (grad_w[k][j] / n + l2 * model["weights"][k][j])
    log.append({
        "epoch": epoch,
        "loss": round(common.cross_entropy(model, train), 6),
        "val_loss": round(common.cross_entropy(model, test), 6),
        "val_accuracy": round(common.accuracy(model, test), 6),
    })

json.dump(model, open("model.json", "w"), indent=2)
os.makedirs("plots", exist_ok=True)
with open("plots/train_log.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=["epoch", "loss", "val_loss", "val_accuracy"])
    writer.writeheader()
    writer.writerows(log)
print(f"trained {params['epochs']} epochs: loss {log[-1]['loss']}, val_accuracy {log[-1]['val_accuracy']}")
