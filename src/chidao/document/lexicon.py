"""Layout vocabulary, read once from ``chidao/data/vi/layout.toml`` (word lists) and
``layout_cues.toml`` (patterns, each with its example)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chidao.data import load_toml
from chidao.text.guarded import Guarded
from chidao.text.patterns import compile_row, row_regex


@dataclass(frozen=True)
class LayoutLexicon:
    doc_types: tuple[str, ...]
    non_directive_types: frozenset[str]
    reports_with_assignments: frozenset[str]  # of those, kinds whose assigning part is read
    agenda_types: frozenset[str]  # an invitation: only tasks given by an assigning verb count
    schedule_types: frozenset[str]  # a leaders' week of meetings: nobody chairs the document
    schedule_titles: tuple[str, ...]  # "Lịch làm việc ..." as a notice's subject, in lowercase
    commenting_titles: tuple[str, ...]  # "góp ý dự thảo ...": a letter of comments, in lowercase
    symbol_bullets: tuple[str, ...]  # "\uf0b7": the Symbol font's bullet, over "•" where both are used
    informing_acts: tuple[str, ...]  # "thực hiện" after "thông báo để ... biết": the closing asks to act
    informing_asks: tuple[str, ...]  # "đề nghị": a body that asks in so many words
    informing_parts: tuple[str, ...]  # "tổ chức thực hiện": a heading over who does what
    commenting_object: str  # "dự thảo": what such a subject comments on
    boilerplate: frozenset[str]
    breadcrumb_separators: tuple[str, ...]
    arrow_separators: tuple[str, ...]
    page_tail: tuple[str, ...]  # "Tin liên quan": a portal page goes on past its article
    inline_boxes: tuple[str, ...]  # "Tin liên quan" printed inside the article, which goes on after it
    site_names: tuple[str, ...]  # "Cổng Thông tin điện tử": a portal's name, never a headline
    page_tools: tuple[str, ...]  # "Cỡ chữ: A- A A+ | In bài": a page's tool bar, never a headline
    contact_labels: frozenset[str]  # "Thông tin liên hệ": a line over whom to call, lowercased
    surnames: frozenset[str]
    signature_prefixes: tuple[str, ...]
    addressee_openers: tuple[str, ...]  # "Kính gửi"
    copy_openers: tuple[str, ...]  # "Đồng kính gửi"
    addressee_line_ends: tuple[str, ...]  # a telegram's "... điện:"
    form_annex_titles: tuple[str, ...]  # "MẪU BÁO CÁO": an annex that is a form to fill in
    signature_titles: tuple[str, ...]
    national_issuers: tuple[str, ...]
    places: frozenset[str]  # provinces and cities, lowercased: "Cao Bằng" is a place, not a person
    signer_ranks: tuple[str, ...]  # "Đại tá", "TS.": before a signer's name, not part of it
    lunar_years: frozenset[str]  # "Đinh Mùi", "Bính Ngọ": a year's name, not a person's
    chair_positions: re.Pattern[str]  # "Phó Chủ tịch UBND tỉnh" before a name in a subject line
    chair_gap_breaks: re.Pattern[str]  # "tại", "về": a position's phrase ended before the name
    chair_cues: re.Pattern[str]  # "chủ trì", "làm việc với": who chaired is named next to these
    meeting_words: re.Pattern[str]  # "cuộc họp", "buổi làm việc": there was a meeting to chair
    title_meeting_words: re.Pattern[str]  # "kiểm tra": a meeting when a subject line says it


@cache
def lexicon() -> LayoutLexicon:
    data = load_toml("layout.toml")
    return LayoutLexicon(
        doc_types=tuple(sorted(data["doc_types"], key=len, reverse=True)),
        non_directive_types=frozenset(data["non_directive_types"]),
        reports_with_assignments=frozenset(data["reports_with_assignments"]),
        agenda_types=frozenset(data["agenda_types"]),
        schedule_types=frozenset(data["schedule_types"]),
        schedule_titles=tuple(title.lower() for title in data["schedule_titles"]),
        commenting_titles=tuple(title.lower() for title in data["commenting_titles"]),
        symbol_bullets=tuple(data["symbol_bullets"]),
        informing_acts=tuple(data["informing_acts"]),
        informing_asks=tuple(data["informing_asks"]),
        informing_parts=tuple(data["informing_parts"]),
        commenting_object=data["commenting_object"],
        boilerplate=frozenset(data["boilerplate"]),
        breadcrumb_separators=tuple(data["breadcrumb_separators"]),
        arrow_separators=tuple(data["arrow_separators"]),
        page_tail=tuple(data["page_tail"]),
        inline_boxes=tuple(data["inline_boxes"]),
        site_names=tuple(name.lower() for name in data["site_names"]),
        page_tools=tuple(name.lower() for name in data["page_tools"]),
        contact_labels=frozenset(name.lower() for name in data["contact_labels"]),
        surnames=frozenset(data["surnames"]),
        signature_prefixes=tuple(data["signature_prefixes"]),
        signature_titles=tuple(data["signature_titles"]),
        addressee_openers=tuple(data["addressee_openers"]),
        copy_openers=tuple(data["copy_openers"]),
        addressee_line_ends=tuple(data["addressee_line_ends"]),
        form_annex_titles=tuple(data["form_annex_titles"]),
        national_issuers=tuple(data["national_issuers"]),
        places=_places(),
        signer_ranks=tuple(sorted(data["signer_ranks"], key=len, reverse=True)),
        lunar_years=frozenset(f"{stem} {branch}" for stem in data["lunar_stems"] for branch in data["lunar_branches"]),
        chair_positions=_words(data["chair_positions"]),
        chair_gap_breaks=_words(data["chair_gap_breaks"]),
        chair_cues=re.compile("|".join(re.escape(w) for w in data["chair_cues"])),
        meeting_words=_words(data["meeting_words"]),
        title_meeting_words=_words(data["meeting_words"] + data["title_meeting_words"]),
    )


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, in lowercase text."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")


def _places() -> frozenset[str]:
    places = load_toml("agencies.toml")["places"]
    return frozenset(p.lower() for p in [*places["cities"], *places["provinces"]])


@cache
def layout_cues() -> dict[str, re.Pattern[str] | Guarded]:
    """The layout's cue patterns (``layout_cues.toml``), by their names."""
    return {row["name"]: compile_row(row) for row in load_toml("layout_cues.toml")["pattern"]}


@cache
def layout_cue_regex(name: str) -> str:
    """The regex text of cue ``name`` of ``layout_cues.toml``, to splice into a pattern."""
    for row in load_toml("layout_cues.toml")["pattern"]:
        if row["name"] == name:
            return row_regex(row)
    raise KeyError(f"layout_cues.toml: no cue {name!r}")
