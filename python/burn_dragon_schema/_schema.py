"""The published JSON Schema files, and the words for places in a config: `Issue`, JSON Pointers, key paths."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Literal

Target = Literal["config", "quant", "rho"]

#: The schema file each target is checked with (the same three files as `schema/` in the repository).
SCHEMA_FILES: dict[str, str] = {
    "config": "burn-dragon-config.schema.json",
    "quant": "low-bit-quantization-config.schema.json",
    "rho": "low-bit-rho-config.schema.json",
}

#: Where each target's value sits in a config document, for naming fields.
ROOTS: dict[str, tuple[str, ...]] = {"config": (), "quant": ("model", "quant"), "rho": ("model", "rho")}


@dataclass(frozen=True)
class Issue:
    """One thing the trainer rejects.

    ``stage`` is ``"deserialize"`` (what serde rejects before any rule runs: a value of the
    wrong shape, a text that is not TOML, and under ``strict`` an unknown key), ``"validate"``
    (a broken ``validate()`` rule: ``message`` is the trainer's) or ``"load"`` (the trainer's
    config loader rejects the merged files). ``path`` is a JSON Pointer into the (merged)
    document. For files, ``file`` is the file that set the value; ``line`` and ``column`` are
    known for a TOML syntax error only (tomli gives no positions of values), where
    ``key_path`` names the key otherwise.
    """

    stage: str
    path: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    #: The one variant or field name a misspelt value or key most likely meant (the message says so).
    suggestion: str | None = None

    @property
    def key_path(self) -> str:
        """The key of ``path`` as a config author writes it (``model.quant.target_modules[1]``);
        empty for the whole document."""
        return key_path(self.path)


def schema(target: Target = "config") -> dict[str, Any]:
    """The published schema document of ``target``, as shipped in the package."""
    return json.loads(_schema_text(SCHEMA_FILES[target]))


@lru_cache(maxsize=None)
def _schema_text(name: str) -> str:
    return resources.files(__package__).joinpath("schema").joinpath(name).read_text(encoding="utf-8")


def pointer(path: Iterable[Any]) -> str:
    """The JSON Pointer to a path of keys and list indices."""
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)


def pointer_tokens(at: str) -> list[str]:
    """The keys and list indices a JSON Pointer names, unescaped."""
    if at == "":
        return []
    return [token.replace("~1", "/").replace("~0", "~") for token in at[1:].split("/")]


def key_path(at: str, root: tuple[str, ...] = ()) -> str:
    """A pointer as a config author writes the key: ``model.quant.target_modules[1]``."""
    name = ""
    for i, token in enumerate([*root, *pointer_tokens(at)]):
        if token.isascii() and token.isdigit():
            name += f"[{token}]"
        else:
            name += token if i == 0 else f".{token}"
    return name


def field_name(at: str, root: tuple[str, ...] = ()) -> str:
    """A pointer as the messages name the field: its key path, ``the config`` for the document."""
    return key_path(at, root) or "the config"
