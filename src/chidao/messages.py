"""Every sentence chidao shows a person — pages, scripts, e-mails, reports, error messages — read
from one Vietnamese catalogue, ``chidao/data/vi/messages.toml``.

Why one catalogue: the words used to be written wherever they were shown — in 36 templates, the
page code, the use cases, the report builders — so a term ("đơn vị chủ trì" or "cơ quan chủ
trì"?) drifted from page to page, a typo had no single place to be fixed, and a reviewer could not
read the product's wording in one sitting (issue 14). A message is looked up by a dotted key
(``review.confirm_all``) and may hold named fields (``"{count} nhiệm vụ"``), filled with
``str.format``: a literal brace is written twice.

Templates call the same function, ``msg``; scripts read the ``js`` section, which
the layout hands them as JSON. A missing key or field is an error at once, never a blank on a page:
``tests/test_messages.py`` checks that every key used exists and every key written is used, and
that no template, page module or script writes Vietnamese outside this catalogue.

Like ``chidao.vocab``, this module imports nothing of chidao but the data loader, so every layer
may use it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from chidao.data import load_toml

CATALOGUE = "messages.toml"


class MessageError(KeyError):
    """A key the catalogue does not hold, or a field its message needs and was not given."""

    def __str__(self) -> str:
        return str(self.args[0])


@cache
def catalogue() -> dict[str, str]:
    """The whole catalogue, flat: dotted key → message."""
    return dict(_flatten(load_toml(CATALOGUE), ""))


def _flatten(table: dict[str, Any], prefix: str):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            yield f"{prefix}{key}", value
        else:
            raise MessageError(f"{CATALOGUE}: {prefix}{key} is neither a message nor a table of messages")


def msg(key: str, /, **fields: Any) -> str:
    """The message ``key``, its ``{fields}`` filled in."""
    try:
        message = catalogue()[key]
    except KeyError:
        raise MessageError(f"{CATALOGUE}: no message {key!r}") from None
    try:
        return message.format_map(fields)
    except (KeyError, IndexError) as missing:
        raise MessageError(f"{CATALOGUE}: message {key!r} needs the field {missing}") from None
    except ValueError as error:  # a lone brace: the message itself is wrong
        raise MessageError(f"{CATALOGUE}: message {key!r}: {error}") from None


def has(key: str) -> bool:
    """Whether the catalogue holds ``key`` (for codes looked up by value, with a fallback)."""
    return key in catalogue()


def section(prefix: str) -> dict[str, str]:
    """The messages under ``prefix`` (``"js"``), keyed by the rest of their key."""
    start = prefix + "."
    return {key[len(start) :]: value for key, value in catalogue().items() if key.startswith(start)}
