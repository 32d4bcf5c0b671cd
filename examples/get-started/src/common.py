"""Helpers the stages share, in the standard library only: a reader for this flat params.yaml, and the model."""
import json
import os


def load_params(section, path="params.yaml"):
    params, current = {}, None
    with open(path) as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, _, value = line.strip().partition(":")
            if not line.startswith(" "):
                current = params.setdefault(key, {})
            else:
                current[key] = float(value) if "." in value else int(value)
    return params[section]


def load_features(folder, split):
    with open(os.path.join(folder, split + ".json")) as f:
        return json.load(f)


def predict(node, features):
    """The probability of the target tag that one tree gives a row (`features`: a set of feature indices)."""
    while "p" not in node:
        node = node["yes"] if node["f"] in features else node["no"]
    return node["p"]


def predict_forest(model, features):
    return sum(predict(tree, features) for tree in model["trees"]) / len(model["trees"])
