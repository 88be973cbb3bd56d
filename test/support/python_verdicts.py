"""Prints python-jsonschema's own verdict on every object and TOML vector, one JSON line each.

    /usr/bin/python3 python_verdicts.py SCHEMA_DIR VECTOR_DIR

Each object vector is checked against the published file of its target, each TOML vector
(read with tomllib) against the whole-config file, with `Draft7Validator.iter_errors` on the
files exactly as they are: the line holds the verdict and every `error.message`.
"""

import json
import sys
import tomllib
from pathlib import Path

from jsonschema import Draft7Validator

FILES = {
    "quant": "low-bit-quantization-config.schema.json",
    "rho": "low-bit-rho-config.schema.json",
    "model": "burn-dragon-config.schema.json",
}


def vectors(path):
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def verdict(kind, vector, validator, document):
    messages = [error.message for error in validator.iter_errors(document)]
    return {"kind": kind, "id": vector["id"], "valid": not messages, "messages": messages}


def main(schema_dir, vector_dir):
    validators = {}
    for target, name in FILES.items():
        schema = json.loads((Path(schema_dir) / name).read_text(encoding="utf-8"))
        Draft7Validator.check_schema(schema)
        validators[target] = Draft7Validator(schema)
    for vector in vectors(Path(vector_dir) / "objects.jsonl"):
        print(json.dumps(verdict("objects", vector, validators[vector["target"]], vector["value"])))
    for vector in vectors(Path(vector_dir) / "toml-text.jsonl"):
        try:
            document = tomllib.loads(vector["text"])
        except tomllib.TOMLDecodeError as error:
            print(json.dumps({"kind": "toml-text", "id": vector["id"], "valid": False, "messages": [f"TOML: {error}"]}))
            continue
        print(json.dumps(verdict("toml-text", vector, validators["model"], document)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
