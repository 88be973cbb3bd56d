#!/usr/bin/env python3
"""Check burn_dragon training configs (TOML) with the published JSON Schema.

    python3 validate_config.py [--schema PATH] CONFIG.toml...

Prints one line per file and exits 1 if any file is invalid:

    config.toml: ok
    config.toml: error: <the message Rust's validate() gives>
    config.toml: invalid: <path>: <what is wrong with the value's shape>

Needs Python 3.11+ (tomllib) and jsonschema (Debian: python3-jsonschema; pip: jsonschema).
The schema file is self-contained: every "$ref" points into the file itself, so nothing
is fetched and no resolver or registry needs setting up.
"""

import argparse
import json
import sys
import tomllib
from pathlib import Path

from jsonschema import Draft7Validator

DEFAULT_SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "burn-dragon-config.schema.json"


def load_validator(schema_path):
    """A draft-07 validator for a published schema file, checked to be a valid schema."""
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def rule_messages(schema):
    """Every Rust message in the schema, in the order Rust checks the rules.

    Each rule fails with {"not": {}, "errorMessage": <message>}; the schema lists the rules
    of [model.quant] before those of [model.rho], each in validate() order. The root's own
    rules (for a whole document, the trainer's) run after them.
    """
    found = []

    def walk(node):
        if isinstance(node, dict):
            message = node.get("errorMessage")
            if isinstance(message, str) and message not in found:
                found.append(message)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({key: value for key, value in schema.items() if key != "allOf"})
    walk(schema.get("allOf", []))
    return found


def is_rule_failure(error):
    """Whether a validation error is a validate() rule failing (it carries a Rust message)."""
    return isinstance(error.schema, dict) and isinstance(error.schema.get("errorMessage"), str)


def check(validator, document):
    """None if the document is valid, else (stage, message) the way Rust reports it.

    A value of the wrong shape anywhere wins, as serde fails before validate() runs
    ("deserialize"); otherwise the first failing rule in Rust's order ("validate"), its
    message taken from the failing subschema.
    """
    errors = list(validator.iter_errors(document))
    if not errors:
        return None
    rules = [e for e in errors if is_rule_failure(e)]
    shape = [e for e in errors if not is_rule_failure(e)]
    if shape:
        first = min(shape, key=lambda e: list(map(str, e.absolute_path)))
        where = "/" + "/".join(map(str, first.absolute_path))
        return ("deserialize", f"{where}: {first.message}")
    order = rule_messages(validator.schema)
    return ("validate", min((e.schema["errorMessage"] for e in rules), key=order.index))


def check_file(validator, path):
    """One output line for a TOML config file, and whether it is valid."""
    try:
        document = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return f"{path}: invalid: TOML: {error}", False
    verdict = check(validator, document)
    if verdict is None:
        return f"{path}: ok", True
    stage, message = verdict
    return f"{path}: {'error' if stage == 'validate' else 'invalid'}: {message}", False


def main(argv):
    parser = argparse.ArgumentParser(description="Check burn_dragon TOML configs against the JSON Schema.")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA, help="burn-dragon-config.schema.json")
    parser.add_argument("configs", nargs="+", help="TOML config files")
    args = parser.parse_args(argv)
    validator = load_validator(args.schema)
    all_valid = True
    for path in args.configs:
        line, valid = check_file(validator, path)
        print(line)
        all_valid = all_valid and valid
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
