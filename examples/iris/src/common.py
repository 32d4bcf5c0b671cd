"""Tiny helpers shared by the stages: a params.yaml reader for this flat two-level file (stdlib only)."""
import math

CLASSES = ["setosa", "versicolor", "virginica"]


def load_params(path="params.yaml"):
    params, section = {}, None
    with open(path) as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, _, value = line.strip().partition(":")
            if not line.startswith(" "):
                section = params.setdefault(key, {})
            else:
                section[key] = float(value) if "." in value or "e" in value.lower() else int(value)
    return params


def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def predict_proba(model, x):
    return softmax([b + sum(w * xi for w, xi in zip(ws, x)) for ws, b in zip(model["weights"], model["bias"])])


def cross_entropy(model, rows):
    return sum(-math.log(max(predict_proba(model, r["x"])[CLASSES.index(r["y"])], 1e-12)) for r in rows) / len(rows)


def accuracy(model, rows):
    hits = sum(1 for r in rows if CLASSES[max(range(3), key=lambda k: predict_proba(model, r["x"])[k])] == r["y"])
    return hits / len(rows)
