"""Check burn_dragon training configs as the trainer does: its verdict, and its message.

    >>> from burn_dragon_schema import validate
    >>> validate({"model": {"quant": {"enable": True, "protocol": "none"}}})[0].message
    'model.quant.protocol must not be "none" when model.quant.enable = true'
"""

from ._files import ConfigFileError, FileCheck, check_file, check_text, load_config, merge_values, validate_file, validate_text
from ._schema import SCHEMA_FILES, Issue, Target, field_name, schema
from ._toml import TomlError, read_toml
from ._unknown import unknown_keys
from ._validate import validate

__all__ = [
    "ConfigFileError",
    "FileCheck",
    "Issue",
    "SCHEMA_FILES",
    "Target",
    "TomlError",
    "check_file",
    "check_text",
    "field_name",
    "load_config",
    "merge_values",
    "read_toml",
    "schema",
    "unknown_keys",
    "validate",
    "validate_file",
    "validate_text",
]
