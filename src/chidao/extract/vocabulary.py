"""The cutter's vocabulary (``data/vi/sections.toml``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.document.lexicon import load_toml
from chidao.extract.registry import alternation


@dataclass(frozen=True)
class Sections:
    inactive: re.Pattern[str]  # a heading whose items are not tasks
    plan_lead: re.Pattern[str]  # "Đơn vị chủ trì:" (with its colon)
    plan_coordinators: re.Pattern[str]
    plan_time: re.Pattern[str]
    plan_content: re.Pattern[str]  # "Nội dung thực hiện:"
    document_time: re.Pattern[str]  # "Thời gian thực hiện:" for the whole document
    plan_head: re.Pattern[str]  # "Cơ quan thực hiện:" over plan lines
    resolution_closing: re.Pattern[str]  # "Giao UBND tỉnh tổ chức thực hiện Nghị quyết này"


def _label(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(alternation(phrases).pattern + r"\s*:\s*")


@cache
def sections() -> Sections:
    data = load_toml("sections.toml")
    labels = data["plan_labels"]
    inactive = alternation(data["inactive"]).pattern
    return Sections(
        inactive=re.compile(inactive + r"(?:[\s:.]*$|\s*(?:chung|\d|của|trong|năm|[-–:,]))"),
        plan_lead=_label(labels["lead"]),
        plan_coordinators=_label(labels["coordinators"]),
        plan_time=_label(labels["time"]),
        plan_content=_label(labels["content"]),
        document_time=re.compile(alternation(labels["document_time"]).pattern + r"\s*:?\s*"),
        plan_head=re.compile(alternation(labels["head"]).pattern + r"\s*:?\s*$"),
        resolution_closing=re.compile(alternation(data["resolution_closing"]).pattern + r"(?!\s+số)"),
    )
