"""Reads YAML timestamps as DVC does (`YAML(typ="safe")`, dvc/utils/serialize/_yaml.py) and says what Python makes
of them, and writes them back as DVC writes dvc.lock (round-trip `YAML()`, `default_flow_style = False`).

stdin: {"forms": [<plain scalar>, ...], "pairs": [[i, j], ...]}; stdout: {"version": <ruamel's>, "values": [{"type",
"str", "repr", "dump"} or {"error"}, ...], "equal": [<Python's `==` of values i and j>, ...]}.
"""

import io
import json
import sys

import ruamel.yaml
from ruamel.yaml import YAML


def load(form):
    return YAML(typ="safe").load("v: " + form)["v"]


def answer(form):
    try:
        v = load(form)
    except Exception as e:  # noqa: BLE001 - a value Python refuses is an answer the test checks
        return {"error": f"{type(e).__name__}: {e}"}
    yaml = YAML()
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump({"v": v}, stream)
    return {"type": type(v).__name__, "str": str(v), "repr": repr(v), "dump": stream.getvalue()}


if __name__ == "__main__":
    request = json.load(sys.stdin)
    forms = request["forms"]
    values = [answer(f) for f in forms]
    equal = [load(forms[i]) == load(forms[j]) for i, j in request["pairs"]]
    json.dump({"version": ruamel.yaml.__version__, "values": values, "equal": equal}, sys.stdout)
