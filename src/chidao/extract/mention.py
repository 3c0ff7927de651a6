"""An agency as read from a text, and where the document stands (its province, its issuer)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """An agency as written at ``text[start:end]`` and its canonical ``name``."""

    start: int
    end: int
    written: str
    name: str


@dataclass(frozen=True)
class Place:
    """Where a document stands: its own province (dropped from names) and, for national
    issuers, the locality it is about ("Thành phố" then means "thành phố Đà Nẵng")."""

    province: str | None = None
    subject: str | None = None
    subject_kind: str | None = None
    council: bool = False  # a People's Council resolution: the Council issues, never leads (rule 15)
    issuer: str | None = None  # the issuing body's name as a lead would be written ("ủy ban nhân dân tỉnh")
    national: bool = False  # issued by the Government, a ministry or the Party's centre
    organ: tuple[str, ...] = ()  # the issuing ministry, department, office or Party committee as a lead names it
    title: str = ""  # the document's title or headline: the one body of a kind it names is the one meant
    running: bool = False  # running text with no header (a news item): what it tells is reported
