"""Bag of words: the max_features most frequent 1..ngrams-grams of the train set; each row keeps the ones it has."""
import collections
import json
import os
import re
import sys

from common import load_params

params = load_params("featurize")
source, target = sys.argv[1], sys.argv[2]


def grams(text):
    words = re.findall(r"[a-z0-9.]+", text.lower())
    return {" ".join(words[i : i + n]) for n in range(1, params["ngrams"] + 1) for i in range(len(words) - n + 1)}


def read(split):
    with open(os.path.join(source, split + ".tsv"), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


train = read("train")
counts = collections.Counter(g for _, _, text in train for g in grams(text))
names = [g for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: params["max_features"]]]
index = {g: i for i, g in enumerate(names)}
os.makedirs(target, exist_ok=True)
for split, rows in (("train", train), ("test", read("test"))):
    data = [{"id": int(pid), "label": int(label), "x": sorted(index[g] for g in grams(text) if g in index)} for pid, label, text in rows]
    with open(os.path.join(target, split + ".json"), "w") as f:
        json.dump({"names": names, "rows": data}, f)
