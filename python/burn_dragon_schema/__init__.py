"""Check burn_dragon training configs as the trainer does: its verdict, and its message.

    >>> from burn_dragon_schema import validate
    >>> validate({"model": {"quant": {"enable": True, "protocol": "none"}}})[0].message
    'model.quant.protocol must not be "none" when model.quant.enable = true'
"""

from ._files import ConfigFileError, load_config, merge_values, validate_file
from ._validate import SCHEMA_FILES, Issue, Target, field_name, schema, validate

__all__ = [
    "ConfigFileError",
    "Issue",
    "SCHEMA_FILES",
    "Target",
    "field_name",
    "load_config",
    "merge_values",
    "schema",
    "validate",
    "validate_file",
]
