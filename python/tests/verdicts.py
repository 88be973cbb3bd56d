"""The oracle's verdicts and the package's, in the same words, for the differential tests."""

from __future__ import annotations

import math
from datetime import date, time
from typing import Any

import tomli

from burn_dragon_schema import Issue
from burn_dragon_schema._toml import datetime_text

Verdict = tuple[str, ...]


def promised(rust: dict[str, Any]) -> Verdict:
    """What the package promises to say of a case the oracle judged: Rust's stage (serde's
    `parse` being the package's `deserialize`), and the message of a `validate` rule."""
    if rust["ok"]:
        return ("ok",)
    if rust["stage"] == "validate":
        return ("validate", rust["message"])
    if rust["stage"] == "parse":
        return ("deserialize",)
    return (rust["stage"],)


def ours(issues: list[Issue]) -> Verdict:
    """The package's verdict in the same words: its first issue is the one Rust reports."""
    if not issues:
        return ("ok",)
    first = issues[0]
    return (first.stage, first.message) if first.stage == "validate" else (first.stage,)


def canonical(value: Any) -> Any:
    """A TOML value comparable with the oracle's `merged` JSON: types kept apart, each date and
    time (a string in the oracle's JSON) as one text, the floats JSON cannot hold by name."""
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        if math.isnan(value):
            return ("str", "nan")
        return ("str", "inf" if value > 0 else "-inf") if math.isinf(value) else ("float", value)
    if isinstance(value, (date, time)):
        return ("datetime", datetime_text(value))
    if isinstance(value, str):
        try:
            read = tomli.loads(f"v = {value}")["v"]
        except (tomli.TOMLDecodeError, ValueError):
            return ("str", value)
        return ("datetime", datetime_text(read)) if isinstance(read, (date, time)) else ("str", value)
    raise TypeError(f"not a TOML value: {value!r}")
