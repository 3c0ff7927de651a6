"""Bodies that a reorganization ended: a notice dated on or after the day a body was merged
that still names it (copied from an older notice, or written by habit) assigns the work to its
successor. ``successors`` says so for the names a document mentions; the names themselves stay
as written in the tasks (ANNOTATION.md: "Names stay as written"), the store tracks the task with
the successor (issue 13, item 4).

The reorganizations are data (``data/vi/reorganizations.toml``), the same file the tracker
applies to a database; a body merged twice (A into B, B later into C) follows the chain. The
provinces merged in 2025 (``data/vi/provinces.toml``: 63 → 34) add the steps of their bodies
("Ủy ban nhân dân tỉnh Đắk Nông" → "Ủy ban nhân dân tỉnh Lâm Đồng"), and ``province_now`` says
which of the 34 a province of before is part of now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from chidao.data import load_toml
from chidao.text import fold_words


@dataclass(frozen=True)
class Successor:
    name: str
    effective: date
    reference: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "effective": self.effective.isoformat(), "reference": self.reference}


@dataclass(frozen=True)
class ProvinceStep:
    """One body of a merged province and the same body of the province it joined."""

    agency: str
    successor: str
    effective: date
    reference: str


@cache
def province_steps() -> tuple[ProvinceStep, ...]:
    """For every province merged in 2025, each of its bodies (People's Committee, Council) → the
    same body of the province it joined."""
    data = load_toml("provinces.toml")
    steps = []
    for province in data["province"]:
        for merged in province["merged"]:
            for body in data["bodies"]:
                new = f"{body} {province['kind']} {province['name']}"
                old = f"{body} {data['merged_kind']} {merged}"  # "Ủy ban nhân dân tỉnh Hà Nam"
                steps.append(ProvinceStep(old, new, data["effective"], data["reference"]))
    return tuple(steps)


@cache
def _provinces_now() -> dict[str, str]:
    """Folded name of each of the 63 provinces of before → the name of the one of 34 it is part of."""
    now = {}
    for province in load_toml("provinces.toml")["province"]:
        for name in (province["name"], *province["merged"]):
            now[fold_words(name)] = province["name"]
    return now


def province_now(name: str) -> str | None:
    """Which of the 34 provinces ``name`` (a province of before, "tỉnh" or "thành phố" in front
    or not) is part of now; None for a name that is no province."""
    key = fold_words(name)
    for prefix in ("tinh ", "thanh pho ", "tp "):
        key = key.removeprefix(prefix)
    return _provinces_now().get(key)


@cache
def _ended() -> dict[str, Successor]:
    """Folded name of each body that ends → its successor, the date and the decision."""
    ended = {}
    for reorganization in load_toml("reorganizations.toml")["reorganization"]:
        for change in reorganization["change"]:
            for name in change["from"]:
                ended[fold_words(name)] = Successor(change["to"], change["effective"], change["reference"])
    for step in province_steps():
        ended[fold_words(step.agency)] = Successor(step.successor, step.effective, step.reference)
    return ended


def successor_on(name: str, on: date) -> Successor | None:
    """The body answering for ``name``'s work on day ``on``, if a reorganization ended ``name``
    by then (following a chain of merges, never round a loop); None if it still exists."""
    ended = _ended()
    found, seen = None, set()
    key = fold_words(name)
    while key in ended and key not in seen and ended[key].effective <= on:
        seen.add(key)
        found = ended[key]
        key = fold_words(found.name)
    return found


def successors(names: list[str], on: date | None) -> dict[str, Successor]:
    """For the names of ``names`` that a reorganization ended by the document's date ``on``,
    their successor (nothing without a date: the tracker decides from the day of storing)."""
    if on is None:
        return {}
    found = {}
    for name in dict.fromkeys(names):
        successor = successor_on(name, on)
        if successor is not None and fold_words(successor.name) != fold_words(name):
            found[name] = successor
    return found
