"""Writing TOML: the literals factcheck writes into the lock and into drafted claims.

>>> toml_value('a "quote"'), toml_value(3), toml_value(True)
('"a \\\\"quote\\\\""', '3', 'true')
"""

from __future__ import annotations

import json

__all__ = ["toml_value"]


def toml_value(value: object) -> str:
    """A TOML literal for a string or number (strings as basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # JSON's string escapes are valid TOML basic-string escapes; TOML also forbids a raw DEL.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
