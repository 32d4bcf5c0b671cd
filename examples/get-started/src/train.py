"""A small random forest: n_est trees of depth 3 on bootstrap samples, each split on the best of a few features."""
import json
import random
import sys

from common import load_features, load_params

params = load_params("train")
random.seed(params["seed"])
features = load_features(sys.argv[1], "train")
rows = [(set(r["x"]), r["label"]) for r in features["rows"]]
width = len(features["names"])
min_split = max(2, int(params["min_split"] * len(rows)))


def leaf(sample):
    return {"p": (sum(label for _, label in sample) + 1) / (len(sample) + 2)}


def gini(sample):
    if not sample:
        return 0.0
    p = sum(label for _, label in sample) / len(sample)
    return len(sample) * p * (1 - p)


def grow(sample, depth):
    if depth == 0 or len(sample) < min_split or len({label for _, label in sample}) == 1:
        return leaf(sample)
    best = None
    for f in random.sample(range(width), max(1, int(width**0.5))):
        yes = [r for r in sample if f in r[0]]
        no = [r for r in sample if f not in r[0]]
        score = gini(yes) + gini(no)
        if yes and no and (best is None or score < best[0]):
            best = (score, f, yes, no)
    if best is None:
        return leaf(sample)
    return {"f": best[1], "yes": grow(best[2], depth - 1), "no": grow(best[3], depth - 1)}


trees = [grow([random.choice(rows) for _ in rows], 3) for _ in range(params["n_est"])]
with open(sys.argv[2], "w") as f:
    json.dump({"trees": trees}, f)
