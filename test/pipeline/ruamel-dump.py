"""Dumps documents as DVC writes dvc.lock (dvc/utils/serialize/_yaml.py `_get_yaml`: round-trip `YAML()`,
`default_flow_style = False`) and reads YAML texts back as DVC does (`YAML(typ="safe")`).

stdin: a JSON list of requests {"data": <doc>, "text": <YAML to read back>}; stdout: a JSON list of answers
{"dump": <ruamel's text>}, plus "back" (what reading text gives) or "error" where that is not data, and
"unpatched" (ruamel's text without the fix below) with "unpatched_error" where the fix changed the text.
Docs are JSON with tags where JSON cannot say it: {"$int": "<digits>"}, {"$float": "<Python repr>"},
{"$map": [[key, value], ...]} (any scalar keys, in order).
"""

import io
import json
import math
import sys
from collections import OrderedDict

import ruamel.yaml
from ruamel.yaml import YAML
from ruamel.yaml.emitter import Emitter


WRAPS_KEYS = tuple(int(n) for n in ruamel.yaml.__version__.split(".")[:3]) >= (0, 18, 13)


class KeysOnOneLine(Emitter):
    """ruamel 0.18.13+ moves a plain word past column 80 to the next line even in a simple key (`write_plain`
    ignores `split` there), and then cannot read its own text back. The fix: no wrapping without `split`."""

    def write_plain(self, text, split=True):
        if split:
            return super().write_plain(text, split)
        width, self.best_width = self.best_width, sys.maxsize
        try:
            return super().write_plain(text, split)
        finally:
            self.best_width = width


def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        if "$int" in v:
            return int(v["$int"])
        if "$float" in v:
            return float(v["$float"])
        return {decode(k): decode(x) for k, x in v["$map"]}
    return v


def encode(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return {"$int": str(v)}
    if isinstance(v, float):
        return {"$float": "nan" if math.isnan(v) else repr(v)}
    if isinstance(v, list):
        return [encode(x) for x in v]
    if isinstance(v, dict):
        return {"$map": [[encode(k), encode(x)] for k, x in v.items()]}
    return {"$unexpected": type(v).__name__, "repr": repr(v)}


def dump(data, patched=True):
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.Representer.add_representer(OrderedDict, yaml.Representer.represent_dict)
    if patched and WRAPS_KEYS:
        yaml.Emitter = KeysOnOneLine
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def read(text):
    try:
        return encode(YAML(typ="safe").load(text)), None
    except Exception as e:  # noqa: BLE001 - a parse error is an answer the test reports
        return None, f"{type(e).__name__}: {e}"


def answer(request):
    data = decode(request["data"])
    out = {"dump": dump(data)}
    back, error = read(request["text"])
    if error:
        out["error"] = error
    elif back != request["data"]:
        out["back"] = back
    unpatched = dump(data, patched=False) if WRAPS_KEYS else out["dump"]
    if unpatched != out["dump"]:
        out["unpatched"] = unpatched
        out["unpatched_error"] = read(unpatched)[1]
    return out


if __name__ == "__main__":
    if sys.argv[1:] == ["--version"]:
        print(ruamel.yaml.__version__)
    else:
        json.dump([answer(r) for r in json.load(sys.stdin)], sys.stdout)
