"""People of a notice: who chaired the meeting and who signed.

Names are told from agencies and places by their family name (a data list)
and their shape: two to five capitalized syllables. Subject lines in capitals
("... CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN ...") are read too, and the
name is given in title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from chidao.data import load_toml
from chidao.document.lexicon import layout_cue_regex, layout_cues, lexicon
from chidao.text.chars import LOWER, UPPER
from chidao.text.fold import match_key

_SYLLABLE = rf"[{UPPER}][{LOWER}]*"
# "K' Bròng", "H'Hen": a letter and an apostrophe before the syllable (the Central Highlands' names)
_APOSTROPHES = tuple(load_toml("layout.toml")["apostrophe_surnames"])
# Two to eight capitalized syllables that open a word (a name may follow a department's: "Sở Công
# Thương Phạm Văn Hóa", genre g126): the guard that no word character comes
# before comes after the first letter ("[A-Z](?<!\w.)", not "(?<!\w)[A-Z]"), so that the engine
# skips through the text to the capitals instead of trying every position.
_NAME = re.compile(
    rf"([{UPPER}](?<![\w].)(?:[{LOWER}]*(?:\s+{_SYLLABLE}){{1,7}}|['’]\s?[{UPPER}][{LOWER}]*(?:\s+{_SYLLABLE}){{0,7}}))(?![\w])"
)
_LAYOUT = load_toml("layout.toml")
_ARCHIVE = (f"- {_LAYOUT['archive_label']}", _LAYOUT["archive_label"])  # "- Lưu", "Lưu"
_RECIPIENTS_KEYS = tuple(match_key(label) for label in _LAYOUT["recipients_labels"])  # "nơi nhận"
_CO_CHAIR_BEFORE = tuple(f"{word} " for word in _LAYOUT["co_chair_words"])  # "đồng chủ trì": a co-chair
# "Chủ trì, phối hợp với Công an xã và Đoàn Thanh niên xã ...": an agency leads a task; nobody chairs.
_LEADS_TASK = layout_cues()["leads_task"]


def person_names(text: str) -> list[tuple[int, int, str]]:
    """Every person's name in ``text`` as (start, end, name)."""
    surnames = lexicon().surnames
    out = []
    # Line breaks and tabs are whitespace to ``\s`` and, like spaces, neither letters nor ``\w``:
    # the names are found in the text as it is.
    for match in _NAME.finditer(text):
        words = match.group(1).split()
        for i, word in enumerate(words):
            apostrophe = word.startswith(_APOSTROPHES)  # "K' Bròng": the name is one word after it
            if (word in surnames and len(words) - i >= 2) or (apostrophe and len(words) - i >= 1 and i == 0):
                start = match.start(1) + match.group(1).index(word)
                name = " ".join(words[i:])
                if name.lower() in lexicon().places or name in lexicon().lunar_years:
                    break  # "Cao Bằng", "Hồ Chí Minh": a place; "Đinh Mùi": a lunar year
                start, name = _past_place(start, name)  # "tỉnh Hà Tĩnh Võ Trọng Hải" (genre g110)
                out.append((start, match.end(1), name))
                break
    return out


def _past_place(start: int, name: str) -> tuple[int, str]:
    """A name run on from the province before it ("Hà Tĩnh Võ Trọng Hải"): the person's part."""
    words = name.split()
    for cut in range(2, len(words) - 1):
        if " ".join(words[:cut]).lower() in lexicon().places:
            rest = " ".join(words[cut:])
            return start + name.index(rest), rest
    return start, name


_LINE_ENDS = ".:;!?\n"  # a line ending with one of these ends a sentence (or a paragraph)


def find_chair(title: str | None, intro: str) -> str | None:
    """The person who chaired: named in the subject line, else next to "chủ trì" in the opening."""
    names = None  # the opening's names, looked for only when a cue or a title in capitals needs them
    if title:
        if title.isupper():
            # A name in capitals has no visible end; take the opening's name that the title spells.
            names = person_names(intro)
            upper_title = re.sub(r"\s+", " ", title)
            spelled = [n for n in names if n[2].upper() in upper_title]
            if spelled:
                return max(spelled, key=lambda n: len(n[2]))[2]
        else:
            in_title = [n for n in person_names(title) if _named_as_person(title, n[0])]
            if in_title and _met(title, intro):
                return in_title[0][2]
    low = intro.lower()
    cues = [
        m.start()
        for m in lexicon().chair_cues.finditer(low)
        if not _LEADS_TASK.match(low, m.end()) and not low.endswith(_CO_CHAIR_BEFORE, 0, m.start())
    ]
    if not cues:
        return None
    names = person_names(intro) if names is None else names
    if not names:
        return None
    best = None
    for cue in cues:
        sentence_start = _sentence_start(intro, cue)
        if not low.startswith(_LAYOUT["chair_verb"], cue):
            # "X, Chủ tịch UBND tỉnh làm việc với ...": X leads the session when named just
            # before; "X ... đã đi kiểm tra ... và làm việc với các địa phương" is a visit (g03)
            sentence_start = max(sentence_start, cue - 90)
        before = [n for n in names if sentence_start <= n[0] < cue]
        after = [n for n in names if cue < n[0] < cue + 120 and n[0] < (intro.find(".", cue) % 10**9)]
        if before:
            best = before[-1] if len(before) == 1 else before[0]
        elif after:
            best = after[0]
        if best:
            return best[2]
    return None


def _sentence_start(intro: str, cue: int) -> int:
    """Where the sentence holding ``cue`` starts: after a full stop, or a line break that ends a
    line with punctuation or none at all; a break inside a sentence is a wrap ("... Bí" /
    "thư Tỉnh ủy chủ trì", genre g312)."""
    start = intro.rfind(".", 0, cue) + 1
    brk = intro.rfind("\n", start, cue)
    while brk > start:
        before = intro[:brk].rstrip(" \t")
        if not before or before[-1] in _LINE_ENDS or intro[brk + 1 : brk + 2] == "\n":
            return brk + 1
        brk = intro.rfind("\n", start, brk)
    return start


def _named_as_person(title: str, at: int) -> bool:
    """Whether a position or an address comes before the name at ``at`` in a subject line, with
    only the body it belongs to between them ("Phó Chủ tịch UBND tỉnh Nguyễn Minh Lâm")."""
    before = title[max(0, at - 80) : at].lower()
    positions = list(lexicon().chair_positions.finditer(before))
    return bool(positions) and lexicon().chair_gap_breaks.search(before, positions[-1].end()) is None


def _met(title: str, intro: str) -> bool:
    """Whether the subject line or the opening tells of a meeting that somebody chaired."""
    in_title = lexicon().title_meeting_words.search(title.lower())
    return in_title is not None or lexicon().meeting_words.search(intro.lower()) is not None


@cache
def _title_keys() -> tuple[str, ...]:
    return tuple(match_key(t) for t in lexicon().signature_titles)


def _signature_line(line: str) -> bool:
    if not line.isupper():  # stripping spaces and "*" (no case) would not change it
        return False
    lex = lexicon()
    clean = line.strip().strip("*").strip()
    if clean.startswith(lex.signature_prefixes):
        return True
    key = match_key(clean)
    return any(title in key for title in _title_keys())


_SESSIONS = tuple(_LAYOUT["meeting_sessions"])  # "Sáng ngày 13/02/2019"
_DAY = layout_cue_regex("meeting_day")
_MEETING_DATE = re.compile(rf"(?:^|\s)(?:{'|'.join(_SESSIONS)})?\s*{_DAY}")
_DAY_ONLY = re.compile(_DAY)  # the date without what may come before it: found fast, from "ngày"


_NUMBER_BEFORE = layout_cues()["number_before_date"]


def _meeting_dates(text: str) -> Iterator[re.Match[str]]:
    """``_MEETING_DATE.finditer(text)``, found fast: the pattern opens with "^" or a space, so
    ``re`` would try it at every position; its date (``_DAY_ONLY``) is found fast from "ngày".
    A match is tried only around each date: before the date come only whitespace, a session word
    and one more character, and the match ends where the date does."""
    reach = 1 + max(map(len, _SESSIONS))
    pos = 0
    while (day := _DAY_ONLY.search(text, pos)) is not None:
        start = day.start()
        while start > pos and text[start - 1].isspace():
            start -= 1
        match = _MEETING_DATE.search(text, max(pos, start - reach), day.end())
        if match is not None:
            yield match
        pos = day.end()


def find_meeting_date(intro: str) -> date | None:
    """The day of the meeting: the first full date that opens a sentence of the opening."""
    for match in _meeting_dates(intro[:1500]):
        before = intro[max(0, match.start() - 40) : match.start()]
        if _NUMBER_BEFORE.search(before):
            continue  # "Giấy mời số 63/GM-UBND ngày 13/02/2019": a citation
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
    return None


# What a copy writes where the signature was: "(Đã ký)", "Đã ký", "(đã ký và đóng dấu)".
_SIGNED_MARK = re.compile(rf"\(?\s*(?:{'|'.join(_LAYOUT['signed_marks'])})[^)]*\)?", re.IGNORECASE)


def signature_lines(tail: str) -> list[str]:
    """The lines of the signature block: "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", ..."""
    return [ln.strip().strip("*").strip() for ln in tail.split("\n") if _signature_line(ln)]


def find_signer(tail: str) -> str | None:
    """The name under the signature block, or at the end of a flattened "Lưu: ..." line."""
    lines = [ln.strip().strip("*").strip() for ln in tail.split("\n")]
    for i, line in enumerate(lines):
        if not _signature_line(line):
            continue
        following = lines[i + 1 : i + 12]
        for j, nxt in enumerate(following):
            if not nxt or _signature_line(nxt) or nxt.startswith(("-", "+", "•")) or _SIGNED_MARK.fullmatch(nxt):
                continue  # a recipients' line of the column beside the signature; "(Đã ký)" (genre g324)
            if nxt.isupper() and not person_names(nxt):
                continue  # the title's second line: "CHÁNH VĂN PHÒNG" / "HĐND VÀ UBND XÃ" (genre g568)
            # A name may be cut across two lines in a PDF copy: "Bùi" / "Xuân Cường".
            for candidate in (nxt, f"{nxt} {following[j + 1]}" if j + 1 < len(following) else None):
                if not candidate:
                    continue
                name = _whole_name(candidate)  # "Đại tá Trần Văn Hùng"
                if name is not None:
                    return name
            break
    beside = _signer_beside_recipients(lines)
    if beside is not None:
        return beside
    for line in lines:
        if line.startswith(_ARCHIVE):
            match = re.search(r"\.\s+([^.]+?)\s*$", line)
            if match:
                rest = match.group(1)
                names = person_names(rest)
                # "- Lưu: VT, ĐP (2b). Hg Lê Hoài Nam": the typist's initials, then the signer
                if names and (names[0][0] == 0 or names[-1][1] >= len(rest.rstrip(". ")) - 1):
                    return names[-1][2] if names[0][0] else names[0][2]
    return None


def _signer_beside_recipients(lines: list[str]) -> str | None:
    """A signature laid beside the recipients' list, its columns run together on each line
    ("Nơi nhận: KT. GIÁM ĐỐC", "- Như trên; PHÓ GIÁM ĐỐC", then the name alone or after the last
    recipient: "- Điện lực Phú Quý; Trần Thị Mỹ Linh"; genre g559, g563)."""
    titled = next((i for i, ln in enumerate(lines) if _title_beside(ln)), None)
    if titled is None:
        return None
    for line in lines[titled + 1 : titled + 16]:
        rest = line.rsplit(";", 1)[-1].strip() if line.startswith(("-", "+")) else line
        if not rest or _signature_line(rest):
            continue
        name = _whole_name(rest)
        if name is not None:
            return name
    return None


def _whole_name(line: str) -> str | None:
    """The person's name that is the whole of ``line``, a rank before it left out, or None."""
    line = _without_rank(line)
    names = person_names(line)
    if names and names[0][0] == 0 and names[0][1] >= len(line.rstrip(". ")) - 1:
        return names[0][2]
    return None


def _title_beside(line: str) -> bool:
    """Whether a recipients' line ends with a signature title ("- Như trên; PHÓ GIÁM ĐỐC")."""
    if not line.startswith(("-", "+")) and not match_key(line).startswith(_RECIPIENTS_KEYS):
        return False
    tail = re.split(r"[;:]", line)[-1].strip()
    return bool(tail) and _signature_line(tail)


def _without_rank(line: str) -> str:
    """A signer's line without the rank or degree before the name: "Đại tá Trần Văn Hùng"."""
    for rank in lexicon().signer_ranks:
        if line.startswith(rank) and line[len(rank) : len(rank) + 1] in (" ", ""):
            return line[len(rank) :].strip()
        if rank.endswith(".") and line.startswith(rank):
            return line[len(rank) :].strip()
    return line
