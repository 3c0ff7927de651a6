"""Document layer: the layout of a normalized notice (header, body outline, recipients, signature)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from chidao.data import load_toml
from chidao.document.boxes import unbox
from chidao.document.header import Header, parse_header
from chidao.document.issuer_block import issuer_block
from chidao.document.kinds import informs_only, is_commenting, is_schedule
from chidao.document.lexicon import layout_cues, lexicon
from chidao.document.outline import Node, build_outline
from chidao.document.page_marks import print_marks
from chidao.document.page_tail import (
    article_resumes,
    closing_initials,
    contact_block,
    ends_article,
    page_tools,
    tail_inside,
)
from chidao.document.paragraphs import Paragraph, split_paragraphs
from chidao.document.people import find_chair, find_meeting_date, find_signer, signature_lines
from chidao.document.tables import Table, find_tables
from chidao.text.chars import LOWER, UPPER
from chidao.text.fold import tone_spellings
from chidao.text.guarded import guarded

__all__ = [
    "Layout",
    "Node",
    "Paragraph",
    "Table",
    "informs_only",
    "is_commenting",
    "is_schedule",
    "parse_layout",
    "print_marks",
    "unbox",
]

_CUES = layout_cues()  # layout_cues.toml
_RECIPIENTS = _CUES["recipients"]
_LEAD_IN = _CUES["lead_in"]
_LAYOUT = load_toml("layout.toml")
_ISSUER = _LAYOUT["issuer"]
# "tỉnh", "thành phố", "Tỉnh ủy", "Tỉnh uỷ", ...: each kind in both tone placements.
_LOCALITY_KINDS = tuple(spelling for kind in _LAYOUT["locality_kinds"] for spelling in tone_spellings(kind))
_LOCALITY = guarded(
    rf"(?<![\w])({'|'.join(_LOCALITY_KINDS)})\s+([{UPPER}][{LOWER}]+"
    rf"(?:[ \t]+[{UPPER}][{LOWER}]+){{0,3}})"  # a name never runs past its line
)
# What follows the first letter of each kind ("ỉnh", "hành"): a plain string, found far faster
# than the "t"/"T" that every kind opens with, and that most Vietnamese words open with too.
_LOCALITY_CUES = sorted({kind[1:4] for kind in _LOCALITY_KINDS})
assert all(len(kind) >= 4 for kind in _LOCALITY_KINDS)
_ISSUER_PLACE = _CUES["issuer_place"]
_PROVINCE_PREFIX = _CUES["province_prefix"]  # "Thành phố", "TP." before the province's name
# "... TỈNH TUYÊN QUANG VĂN PHÒNG": the organ's line may end the block (genre g788)
_ORGAN_AFTER_PLACE = re.compile(rf"\s+(?:{'|'.join(map(re.escape, _ISSUER['organ_heads']))})(?:\s|$)")


@dataclass
class Layout:
    """Everything the layout tells about a document."""

    text: str
    header: Header
    paragraphs: list[Paragraph]
    outline: Node
    body_end: int
    chair: str | None = None
    meeting_date: date | None = None
    signer: str | None = None
    signature: list[str] = field(default_factory=list)
    issuer: str | None = None
    recipients: list[str] = field(default_factory=list)
    province: str | None = None
    national: bool = False
    subject: str | None = None
    subject_kind: str | None = None
    addressees: list[tuple[int, int]] = field(default_factory=list)  # spans after "Kính gửi:"
    tables: list[Table] = field(default_factory=list)  # task tables, in the body or an annex
    annex: Node | None = None  # the items of an annex after the signature ("PHỤ LỤC ... DANH MỤC NHIỆM VỤ")
    annex_paragraphs: list[Paragraph] = field(default_factory=list)  # the paragraphs of ``annex``

    @property
    def read_paragraphs(self) -> list[Paragraph]:
        """The paragraphs extraction reads: the body's, then the annex's."""
        return self.paragraphs + self.annex_paragraphs if self.annex_paragraphs else self.paragraphs


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _localities(text: str) -> Iterator[re.Match[str]]:
    """``_LOCALITY.finditer(text)``, tried only one character before each cue of a kind."""
    starts = sorted(found - 1 for cue in _LOCALITY_CUES for found in _occurrences(text, cue) if found > 0)
    pos = 0
    for start in starts:
        if start >= pos and (match := _LOCALITY.match(text, start)) is not None:
            yield match
            pos = match.end()


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text``, overlapping or not."""
    found = text.find(word)
    while found >= 0:
        yield found
        found = text.find(word, found + 1)


def _place(layout: Layout, issuer: str) -> None:
    """Own province (dropped from agency names) and, for national notices, their subject locality.
    ``issuer`` is the issuer's block (``issuer_block``), read once for this and ``Layout.issuer``."""
    flat = re.sub(r"\s+", " ", issuer).strip().upper()
    national = any(flat.startswith(n) or (" " + n) in (" " + flat) for n in lexicon().national_issuers)
    national = national and _ISSUER["province_kind"].upper() not in flat and _ISSUER["city"] not in flat
    layout.national = national
    match = _ISSUER_PLACE.search(re.sub(r"\s*\n\s*", " ", issuer))
    if match and not national:
        # "UBND TỈNH ĐỒNG THÁP / SỞ NÔNG NGHIỆP ...": the name ends where the organ's line begins
        name = _ORGAN_AFTER_PLACE.split(match.group(2).strip())[0]
        layout.province = _title_case(name.strip())
    elif layout.header.place and not national:
        layout.province = _PROVINCE_PREFIX.sub("", layout.header.place)
    if national:
        places = [(m.group(2), m.group(1).lower()) for m in _localities(layout.text)]
        counts = Counter(name for name, _ in places)
        kinds = dict(places)  # the kind it was last named with
        if counts:
            name, count = counts.most_common(1)[0]
            if count >= 3:
                layout.subject = name
                layout.subject_kind = "city" if kinds[name] == _ISSUER["city_kind"] else "province"


def _skip_addressees(text: str, body: list[Paragraph]) -> tuple[list[Paragraph], list[tuple[int, int]]]:
    """Drop the "Kính gửi:" block of a letter (or a telegram's "... điện:" list): its list names
    addressees, not tasks.

    Returns the body without it and the spans of the addressees' names (the rest of the
    "Kính gửi:" line, and each item of a list under it).
    """
    words = lexicon()
    for i, paragraph in enumerate(body[:3]):
        content = text[paragraph.body : paragraph.end]
        stripped = content.lstrip("*# ")
        telegram = stripped.rstrip().lower().endswith(words.addressee_line_ends)
        if stripped.startswith(words.addressee_openers) or telegram:
            spans: list[tuple[int, int]] = []
            colon = content.find(":")
            if colon >= 0 and content[colon + 1 :].strip():
                spans.append((paragraph.body + colon + 1, paragraph.end))
            j = i + 1
            while j < len(body) and body[j].kind in ("dash", "plus", "star"):
                spans.append((body[j].body, body[j].end))
                j += 1
            if j < len(body) and text[body[j].body : body[j].end].lstrip("*# ").startswith(words.copy_openers):
                j += 1  # "Đồng kính gửi:" and its list: copies, no addressees of the items
                while j < len(body) and body[j].kind in ("dash", "plus", "star"):
                    j += 1
            return body[:i] + body[j:], spans
    return body, []


_COLUMNS = re.compile(r"[ ]?\|[ ]?|\t")
# A line laid out in columns by the header or the signature block ("TỈNH X | CỘNG HÒA ...",
# "Số: 18/KH-UBND\tKhánh Hòa, ngày ...", "- Lưu: VT. | KT. CHỦ TỊCH").
_COLUMN_CELL = _CUES["column_cell"]
_ANNEX = _CUES["annex"]


def _unfold_columns(text: str) -> str:
    """The text with header and signature lines laid out in columns cut into lines.

    Both copies have the same length (" | " becomes " \n ", a tab a line break), so offsets
    found in one hold in the other.
    """
    if "|" not in text and "\t" not in text:
        return text  # most notices: nothing laid out in columns
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if ("|" in line or "\t" in line) and any(_COLUMN_CELL.match(cell.strip()) for cell in _COLUMNS.split(line)):
            lines[i] = _COLUMNS.sub(lambda m: m.group(0).replace("|", "\n").replace("\t", "\n"), line)
            changed = True
    return "\n".join(lines) if changed else text


def _intro_end(text: str, body: list[Paragraph], default: int) -> int:
    """The end of the opening: of the first paragraph that leads in to a list ("... như sau:").
    Only a paragraph that ends with a colon (or whitespace) is searched."""
    for paragraph in body:
        last = text[paragraph.end - 1] if paragraph.end > paragraph.start else ""
        if (last == ":" or last.isspace()) and _LEAD_IN.search(text[paragraph.start : paragraph.end]):
            return paragraph.end
    return default


_SIGNATURE_PARAGRAPHS = 4  # a signature block: who signs for whom, the position, the name


def _signature_start(text: str, body: list[Paragraph]) -> int | None:
    """The first paragraph of ``body`` that opens a signature block ("KT. CHỦ TỊCH"), if any."""
    prefixes = lexicon().signature_prefixes
    for i, paragraph in enumerate(body):
        content = text[paragraph.start : paragraph.end]
        # Stripping "*" and spaces (no case) does not change isupper: only text in capitals is stripped.
        if content.isupper() and content.strip("* ").startswith(prefixes):
            return i
    return None


_ANNEX_WORDS = _CUES["annex_words"]
_ATTACHED_BY = _CUES["attached_by"]


def _annex_start(text: str, start: int) -> int:
    """Where ``_ANNEX`` first matches from ``start`` (else the end of the text), found fast: the
    pattern opens with "^", tried at every position, but its words are found fast. Only
    whitespace comes between them and the line start where a match starts, the first one there."""
    for words in _ANNEX_WORDS.finditer(text, start):
        line = words.start()
        while line > start and text[line - 1].isspace():
            line -= 1
        if line > 0 and text[line - 1] != "\n":
            line = text.find("\n", line, words.start()) + 1
            if line == 0:
                continue  # no line start before the words: they are inside a line
        if _ANNEX.match(text, line):
            # a plan issued with the decision may come first, its own annex after it (genre g612)
            return min(line, _attached_start(text, start, line))
    return _attached_start(text, start)


def _attached_start(text: str, start: int, end: int | None = None) -> int:
    """Where a document issued with the decision starts after its signature: the line in capitals
    ("KẾ HOẠCH") within a few lines above "(Ban hành kèm theo Quyết định ...)", before ``end``;
    else the text's end."""
    attached = _ATTACHED_BY.search(text, start, len(text) if end is None else end)
    if attached is None:
        return len(text)
    lines = text[start : attached.start()].split("\n")
    pos = attached.start()
    for line in reversed(lines[-_ANNEX_TITLE_LINES:]):
        pos -= len(line) + 1
        if line.strip() and line.strip().isupper():
            return max(pos + 1, start)
    return len(text)


_ANNEX_TITLE_LINES = 4  # "PHỤ LỤC", its title in capitals (maybe two lines), "(Kèm theo ...)"


def _annex_items(text: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs of an annex after its title block: a plan's or a decision's list of tasks
    often stands there, after the signature ("1. Xây dựng ... / Cơ quan chủ trì: Sở X")."""
    skip = 0
    forms = lexicon().form_annex_titles
    for paragraph in paragraphs[:_ANNEX_TITLE_LINES]:
        lines = [x.strip() for x in text[paragraph.start : paragraph.end].split("\n") if x.strip()]
        if paragraph.marker is None and all(x.isupper() or x.startswith("(") or _ANNEX.match(x) for x in lines):
            if any(x.startswith(forms) for x in lines):
                return []  # "MẪU BÁO CÁO ...": a form to fill in, not a list of tasks
            skip += 1
        else:
            break
    return paragraphs[skip:]


def _signature_block(
    text: str, body: list[Paragraph], body_end: int, annex_start: int
) -> tuple[list[Paragraph], int, str]:
    """The body without a signature block that closes it, where the body ends, and the tail
    (signature and recipients) the signer is read from."""
    tail = text[body_end:annex_start]
    if body_end == len(text) and body:
        # No recipients list: a signature block may still close the text.
        i = _signature_start(text, body)
        if i is not None:
            return body[:i], body[i].start, text[body[i].start :]
    elif body:
        # The signature block before the recipients list, as a Party committee's notice sets it
        # ("T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC / name / Nơi nhận:"; genre g188).
        last = max(0, len(body) - _SIGNATURE_PARAGRAPHS)
        i = _signature_start(text, body[last:])
        if i is not None:
            start = body[last + i].start
            return body[: last + i], start, text[start:annex_start]
    return body, body_end, tail


def _article(text: str, paragraphs: list[Paragraph]) -> tuple[list[Paragraph], int, bool]:
    """The body's paragraphs up to what closes it ("Nơi nhận:", a portal's "Tin liên quan"), where
    it ends, and whether a portal page's own part closes it."""
    body: list[Paragraph] = []
    body_end = len(text)
    page_tail = False
    may_close = closing_initials()
    resume_at = -1
    for index, paragraph in enumerate(paragraphs):
        if paragraph.start < resume_at:
            continue  # a box of related articles inside the article (``article_resumes``)
        inner = tail_inside(text, paragraph)
        if inner is not None:
            # a hard-wrapped page joins "Bài viết liên quan:" to the lines above it (genre n05)
            body.append(replace(paragraph, end=inner))
            body_end, page_tail = inner, True
            break
        if page_tools(text, paragraph):
            continue  # "Chia sẻ | In bài | Gửi email", "Lượt xem: 1.248": a portal's tool bar (genre g411)
        if (block := contact_block(text, paragraphs, index)) is not None:
            resume_at = paragraphs[block].start if block < len(paragraphs) else len(text)
            continue  # "Thông tin liên hệ:" over an office, its address and telephone (genre g1489)
        if text[paragraph.start] not in may_close:
            body.append(paragraph)
            continue
        content = text[paragraph.start : paragraph.end]
        page_tail = ends_article(content)
        if page_tail and (resume := article_resumes(text, paragraphs, index)) is not None:
            resume_at, page_tail = resume, False
            continue
        if _RECIPIENTS.match(content.strip("*# ")) or page_tail:
            body_end = paragraph.start
            break
        body.append(paragraph)
    return body, body_end, page_tail


def parse_layout(text: str) -> Layout:
    """Read the layout of the normalized ``text``."""
    original = text
    text = _unfold_columns(text)
    header = parse_header(text)
    tables = find_tables(original, header.body_start, len(original))
    paragraphs = split_paragraphs(text, header.body_start)
    if tables:
        paragraphs = [p for p in paragraphs if not any(t.start <= p.start < t.end for t in tables)]
    body, body_end, page_tail = _article(text, paragraphs)
    annex_start = _annex_start(text, body_end)
    body, body_end, tail = _signature_block(text, body, body_end, annex_start)
    body, addressees = _skip_addressees(text, body)
    layout = Layout(text, header, body, build_outline(body, text), body_end)
    layout.addressees = addressees
    layout.tables = tables
    if annex_start < len(text):
        items = _annex_items(text, [p for p in paragraphs if p.start >= annex_start])
        layout.annex = build_outline(items, text) if items else None
        layout.annex_paragraphs = items
    intro_end = _intro_end(text, body, body_end)
    intro = text[header.body_start : min(intro_end, header.body_start + 4000)]
    layout.chair = None if is_schedule(header) else find_chair(header.title, intro)
    layout.meeting_date = find_meeting_date(intro)
    layout.signer = find_signer(tail)
    layout.signature = signature_lines(tail)
    block = issuer_block(text)
    issuer = " ".join(w for w in block.split() if any(c.isalnum() for c in w))  # no "--------" rule
    layout.issuer = issuer or None
    layout.recipients = [
        text[p.body : p.end].strip(" ;.")
        for p in (split_paragraphs(text, body_end) if not page_tail else [])  # related articles are no recipients
        if p.kind == "dash"
    ]
    _place(layout, block)
    return layout
