"""The cutter's vocabulary (``data/vi/sections.toml``, ``assignment.toml``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.data import load_toml
from chidao.extract.cues import cue_regex
from chidao.extract.registry import alternation


@dataclass(frozen=True)
class Sections:
    inactive: re.Pattern[str]  # a heading whose items are not tasks
    plan_lead: re.Pattern[str]  # "Đơn vị chủ trì:" (with its colon)
    plan_coordinators: re.Pattern[str]
    plan_time: re.Pattern[str]
    plan_content: re.Pattern[str]  # "Nội dung thực hiện:"
    plan_product: re.Pattern[str]  # "Sản phẩm:": what the item delivers, read and left aside
    plan_label: re.Pattern[str]  # any of the five above: what every plan line opens with
    document_time: re.Pattern[str]  # "Thời gian thực hiện:" for the whole document
    document_time_heading: re.Pattern[str]  # "II. THỜI GIAN" over the plan's time line
    plan_head: re.Pattern[str]  # "Cơ quan thực hiện:" over plan lines
    resolution_closing: re.Pattern[str]  # "Giao UBND tỉnh tổ chức thực hiện Nghị quyết này"
    recommending: re.Pattern[str]  # "IV. KIẾN NGHỊ": a heading of proposals only, in full
    inactive_council: re.Pattern[str]  # ``inactive`` for a People's Council, whose recommendations go down
    organizing: re.Pattern[str]  # "V. TỔ CHỨC THỰC HIỆN": a report's section that hands out work, in full


def _label(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(alternation(phrases).pattern + r"\s*:\s*")


@cache
def sections() -> Sections:
    data = load_toml("sections.toml")
    labels = data["plan_labels"]
    inactive = alternation(data["inactive"]).pattern
    plan = [_label(labels[kind]) for kind in ("lead", "coordinators", "time", "content", "product")]
    unless = rf"(?!.*(?:{alternation(data['inactive_unless']).pattern}))"
    topic = rf"(?:{data['inactive_topic']}\s+)?"  # "1. Về kết quả thực hiện" (genre g312)
    assessing = f"{inactive}{cue_regex('layout_cues.toml', 'inactive_end')}"
    return Sections(
        inactive=re.compile(
            unless + topic + f"(?:{assessing}" + rf"|{alternation(data['inactive_whole']).pattern}[\s:.]*$)"
        ),
        # a People's Council's "III. KIẾN NGHỊ" tells the bodies it oversees what to do (genre g1357)
        inactive_council=re.compile(unless + topic + f"(?:{assessing})"),
        plan_lead=plan[0],
        plan_coordinators=plan[1],
        plan_time=plan[2],
        plan_content=plan[3],
        plan_product=plan[4],
        plan_label=re.compile("|".join(f"(?:{p.pattern})" for p in plan)),
        document_time=re.compile(alternation(labels["document_time"]).pattern + r"\s*:?\s*"),
        document_time_heading=re.compile(alternation(labels["document_time_heading"]).pattern + r"\s*[:.]?\s*"),
        plan_head=re.compile(alternation(labels["head"]).pattern + r"\s*:?\s*$"),
        resolution_closing=re.compile(
            alternation(data["resolution_closing"]).pattern + rf"(?!{cue_regex('layout_cues.toml', 'number_after')})"
        ),
        recommending=re.compile(
            rf"(?:{data['inactive_topic']}\s+)?{alternation(data['inactive_whole']).pattern}[\s:.]*$", re.I
        ),
        organizing=re.compile(rf"{alternation(data['report_organizing']).pattern}[\s:.]*$", re.I),
    )


@cache
def assignment_phrases(name: str) -> str:
    """The alternation of the phrases of ``assignment.toml``'s list ``name``, longest first, a
    space matching any run of whitespace: to be wrapped in a pattern ("(?:...)(?![\\w])")."""
    words = load_toml("assignment.toml")[name]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
