"""Splits the posts of data/data.xml into train and test sets: label (1 = tagged <r>) and text per row."""
import os
import random
import re
import sys
import xml.etree.ElementTree

from common import load_params

params = load_params("prepare")
random.seed(params["seed"])
os.makedirs(os.path.join("data", "prepared"), exist_ok=True)
out = {name: open(os.path.join("data", "prepared", name + ".tsv"), "w", encoding="utf-8") for name in ("train", "test")}
for row in xml.etree.ElementTree.parse(sys.argv[1]).getroot():
    label = 1 if "<r>" in row.get("Tags", "") else 0
    title = re.sub(r"\s+", " ", row.get("Title", "")).strip()
    split = "test" if random.random() < params["split"] else "train"
    out[split].write("{}\t{}\t{}\n".format(row.get("Id"), label, title))
for f in out.values():
    f.close()
