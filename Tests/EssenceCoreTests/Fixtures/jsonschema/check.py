"""Prints 'valid PATH' or 'invalid PATH' for each standards file, by essence.schema.json.

YAML is read with the 1.2 core schema's booleans only (true/True/TRUE/false/False/FALSE),
as bench/peers/peers_common.py does, so `on:` stays a key and `no` a string; `<<` is not a
merge key.
Usage: check.py SCHEMA FILE...
"""
import json
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    pass


CoreLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.2 has no merge keys: keep `<<` as an ordinary key, which the schema then refuses.
CoreLoader.flatten_mapping = lambda self, node: None

with open(sys.argv[1], encoding="utf-8") as f:
    validator = jsonschema.Draft202012Validator(json.load(f))
for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8") as f:
            document = yaml.load(f, Loader=CoreLoader)
        ok = not any(validator.iter_errors(document))
    except Exception:  # a YAML error: not valid either
        ok = False
    print(("valid " if ok else "invalid ") + path)
