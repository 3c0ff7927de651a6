"""Values written the Vietnamese way: dd/mm/yyyy dates in Vietnam time, thousands separated by
dots, file sizes with a decimal comma. The templates use them as filters; CSV exports, charts
and messages call them directly, so a page and its export never write a date two ways."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime

from markupsafe import Markup

from chidao.web.deps import VIETNAM


def vn_date(value: date | datetime | str | None) -> str:
    """dd/mm/yyyy, as Vietnamese offices write dates; empty for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = _local(value).date()
    return value.strftime("%d/%m/%Y")


def typed_date(value: date | str | None) -> str:
    """A date field's value as dd/mm/yyyy: a date or its ISO text converted, anything else (what
    the user typed, shown again after a refusal) kept as it was."""
    if isinstance(value, date):
        return vn_date(value)
    text = (value or "").strip()
    try:
        return vn_date(date.fromisoformat(text)) if len(text) == 10 and text[4] == "-" else text
    except ValueError:
        return text


def vn_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time."""
    if value is None:
        return ""
    return _local(value).strftime("%d/%m/%Y %H:%M")


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # stored as UTC; SQLite gives it back naive
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM)


def number(value: int | float | None) -> str:
    """Thousands separated by dots, the Vietnamese way (1.234.567)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def filesize(size: int | None) -> str:
    """A file size the way people read it (1,5 MB), with the Vietnamese decimal comma."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}".replace(".", ",")
    return ""  # unreachable: the loop returns at GB


def datalist_options(names: list[str]) -> Markup:
    """``<option value="…"></option>`` for each name of a datalist (an agency field's suggestions),
    the same names giving the same HTML from memory: the suggestions change only when agencies
    do, and writing some hundred options through Jinja on every list page cost more than reading
    them (issue 10, item 10). Keyed on the names themselves, so a change shows on the next page."""
    return _options(tuple(names))


@functools.lru_cache(maxsize=8)
def _options(names: tuple[str, ...]) -> Markup:
    return Markup("").join(Markup('<option value="%s"></option>') % name for name in names)
