"""Prints jsonschema-rs's own verdict on every whole-document vector, one JSON line each.

    python python_jsonschema_rs_verdicts.py SCHEMA_FILE VECTOR_DIR

Each whole-config object vector, and each TOML vector read with tomli (TOML 1.1, as the trainer
reads it; a date or time becomes the string serde sees in the trainer), is checked against the
published whole-config file exactly as it is, with `iter_errors` of the validator
`jsonschema_rs.validator_for` picks from its `$schema`: the line holds the verdict and every
error's `message`.
"""

import datetime
import json
import sys
from pathlib import Path

import jsonschema_rs
import tomli


def vectors(path):
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def as_serde_sees(value):
    if isinstance(value, dict):
        return {key: as_serde_sees(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_serde_sees(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def verdict(kind, vector, validator, document):
    messages = [error.message for error in validator.iter_errors(document)]
    return {"kind": kind, "id": vector["id"], "valid": not messages, "messages": messages}


def main(schema_file, vector_dir):
    validator = jsonschema_rs.validator_for(json.loads(Path(schema_file).read_text(encoding="utf-8")))
    for vector in vectors(Path(vector_dir) / "objects.jsonl"):
        if vector["target"] == "model":
            print(json.dumps(verdict("objects", vector, validator, vector["value"])))
    for vector in vectors(Path(vector_dir) / "toml-text.jsonl"):
        try:
            document = tomli.loads(vector["text"])
        except tomli.TOMLDecodeError as error:
            print(json.dumps({"kind": "toml-text", "id": vector["id"], "valid": False, "messages": [f"TOML: {error}"]}))
            continue
        print(json.dumps(verdict("toml-text", vector, validator, as_serde_sees(document))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
