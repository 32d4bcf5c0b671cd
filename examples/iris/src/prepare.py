"""Split iris.csv into a shuffled train/test split, standardising features with the train statistics."""
import csv
import json
import os
import random

import common

params = common.load_params()["prepare"]
with open("data/iris.csv", newline="") as f:
    rows = list(csv.DictReader(f))

rng = random.Random(params["seed"])
rng.shuffle(rows)
n_test = int(len(rows) * params["test_ratio"])
test, train = rows[:n_test], rows[n_test:]

features = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
means = [sum(float(r[c]) for r in train) / len(train) for c in features]
stds = [(sum((float(r[c]) - m) ** 2 for r in train) / len(train)) ** 0.5 for c, m in zip(features, means)]


def encode(rs):
    return [{"x": [(float(r[c]) - m) / s for c, m, s in zip(features, means, stds)], "y": r["species"]} for r in rs]


os.makedirs("data/prepared", exist_ok=True)
for name, part in (("train", train), ("test", test)):
    with open(f"data/prepared/{name}.json", "w") as f:
        json.dump(encode(part), f)
print(f"prepared {len(train)} train and {len(test)} test rows")
