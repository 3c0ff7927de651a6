"""What the cutter produces and carries: a task, the context an item inherits, plan lines."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from chidao.document.outline import Node
from chidao.extract.agencies import Mention
from chidao.extract.timing import Timing


@dataclass
class Task:
    start: int
    end: int
    leads: list[Mention]
    coordinators: list[Mention]
    timing: Timing
    trace: list[str] = field(default_factory=list)
    lead_source: str = "explicit"  # explicit, heading, lead-in, plan lines, fallback, addressee
    deadline_source: str = "own"  # own, inherited, none
    marked: bool = True  # an outline item, not a sentence of running text


@dataclass
class Context:
    """What an item inherits from the headings and lead-ins above it."""

    leads: list[Mention] = field(default_factory=list)
    coordinators: list[Mention] = field(default_factory=list)
    timing: Timing | None = None
    active: bool = True
    trace: str = ""
    fallback: list[Mention] = field(default_factory=list)  # the previous item's lead, if no other
    origin: int | None = None  # start of the heading or lead-in that gave ``leads``
    own_plan: bool = False  # ``timing`` comes from the item's own plan lines: it beats the text's
    addressee: list[Mention] = field(default_factory=list)  # a letter's "Kính gửi:" (rule 16)

    def but(self, **changes: Any) -> Context:
        """``dataclasses.replace(self, **changes)`` at a third of its cost: a context is derived
        for every heading, lead-in and plan, and ``replace`` checks each field's kind each time
        (a context has no init-only field and no ``__post_init__``, so a copy of its fields is
        what ``replace`` builds)."""
        unknown = changes.keys() - _CONTEXT_FIELDS
        if unknown:
            raise TypeError(f"Context has no field {', '.join(sorted(unknown))}")
        derived = _NEW(Context)
        state = derived.__dict__
        state.update(self.__dict__)
        state.update(changes)
        return derived


_NEW = object.__new__
_CONTEXT_FIELDS = frozenset(f.name for f in fields(Context))


@dataclass
class PlanLines:
    leads: list[Mention] = field(default_factory=list)
    coordinators: list[Mention] = field(default_factory=list)
    timing: Timing | None = None
    content: tuple[int, int] | None = None  # "Nội dung thực hiện: ..." after its label
    action: tuple[int, int] | None = None  # a lead line that is a sentence: "Sở A chủ trì ...; Sở B ..."
    time_only: bool = True  # no lead, coordinator or content line: a section's "Thời gian: ..."
    nodes: set[int] = field(default_factory=set)
    starts: set[int] = field(default_factory=set)  # where the lines' paragraphs start
    others: list[Node] = field(default_factory=list)  # bullets under the lead label that act on their own
