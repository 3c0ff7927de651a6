"""People of a notice: who chaired the meeting and who signed.

Names are told from agencies and places by their family name (a data list)
and their shape: two to five capitalized syllables. Subject lines in capitals
("... CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN ...") are read too, and the
name is given in title case.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from chidao.document.lexicon import lexicon
from chidao.text.chars import LOWER, UPPER
from chidao.text.fold import match_key
from chidao.text.guarded import guarded

_SYLLABLE = rf"[{UPPER}][{LOWER}]*"
_NAME = guarded(rf"(?<![\w])({_SYLLABLE}(?:\s+{_SYLLABLE}){{1,4}})(?![\w])")
_CHAIR_CUE = re.compile(r"(?<!đồng )chủ trì")
_CO_CHAIR = re.compile(r"đồng chủ trì")


_OTHER_SPACE = re.compile(r"[^\S\n\t ]")  # whitespace but a space, a tab or a line break
_ANY_SPACE = re.compile(r"\s")


def _one_line(text: str) -> str:
    r"""``re.sub(r"\s", " ", text)``: as fast as ``str.replace`` when tabs and line breaks are the
    only whitespace to replace (always, in normalized text), instead of one call per break."""
    if _OTHER_SPACE.search(text) is None:
        return text.replace("\n", " ").replace("\t", " ")
    return _ANY_SPACE.sub(" ", text)


def person_names(text: str) -> list[tuple[int, int, str]]:
    """Every person's name in ``text`` as (start, end, name)."""
    surnames = lexicon().surnames
    out = []
    for match in _NAME.finditer(_one_line(text)):
        words = match.group(1).split()
        for i, word in enumerate(words):
            if word in surnames and len(words) - i >= 2:
                start = match.start(1) + match.group(1).index(word)
                name = " ".join(words[i:])
                if name.lower() in lexicon().places:
                    break  # "Cao Bằng", "Hà Nội", "Hồ Chí Minh": a place, not a person
                out.append((start, match.end(1), name))
                break
    return out


def find_chair(title: str | None, intro: str) -> str | None:
    """The person who chaired: named in the subject line, else next to "chủ trì" in the opening."""
    names = person_names(intro)
    if title:
        if title.isupper():
            # A name in capitals has no visible end; take the opening's name that the title spells.
            upper_title = re.sub(r"\s+", " ", title)
            spelled = [n for n in names if n[2].upper() in upper_title]
            if spelled:
                return max(spelled, key=lambda n: len(n[2]))[2]
        else:
            in_title = person_names(title)
            if in_title:
                return in_title[0][2]
    if not names:
        return None
    cues = [m.start() for m in _CHAIR_CUE.finditer(intro.lower())]
    if not cues:
        return None
    best = None
    for cue in cues:
        sentence_start = max(intro.rfind(".", 0, cue), intro.rfind("\n", 0, cue)) + 1
        before = [n for n in names if sentence_start <= n[0] < cue]
        after = [n for n in names if cue < n[0] < cue + 120 and n[0] < (intro.find(".", cue) % 10**9)]
        if before:
            best = before[-1] if len(before) == 1 else before[0]
        elif after:
            best = after[0]
        if best:
            return best[2]
    return None


@cache
def _title_keys() -> tuple[str, ...]:
    return tuple(match_key(t) for t in lexicon().signature_titles)


def _signature_line(line: str) -> bool:
    lex = lexicon()
    clean = line.strip().strip("*").strip()
    if not clean or not clean.isupper():
        return False
    if clean.startswith(lex.signature_prefixes):
        return True
    key = match_key(clean)
    return any(title in key for title in _title_keys())


_MEETING_DATE = re.compile(
    r"(?:^|\s)(?:Sáng|Chiều|Tối|Trưa)?\s*(?:ngày|Ngày)\s+(\d{1,2})(?:\s*/\s*|\s+tháng\s+)(\d{1,2})"
    r"(?:\s*/\s*|\s+năm\s+)(\d{4})"
)


def find_meeting_date(intro: str) -> date | None:
    """The day of the meeting: the first full date that opens a sentence of the opening."""
    for match in _MEETING_DATE.finditer(intro[:1500]):
        before = intro[max(0, match.start() - 40) : match.start()]
        if re.search(r"(?:số|Số)\s*[\w/.-]*\s*$", before):
            continue  # "Giấy mời số 63/GM-UBND ngày 13/02/2019": a citation
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
    return None


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
            if not nxt or _signature_line(nxt) or nxt.startswith(("-", "+", "•")):
                continue  # a recipients' line of the column beside the signature, laid out with tabs
            # A name may be cut across two lines in a PDF copy: "Bùi" / "Xuân Cường".
            for candidate in (nxt, f"{nxt} {following[j + 1]}" if j + 1 < len(following) else None):
                if not candidate:
                    continue
                names = person_names(candidate)
                if names and names[0][0] == 0 and names[0][1] >= len(candidate.rstrip(". ")) - 1:
                    return names[0][2]
            break
    for line in lines:
        if line.startswith(("- Lưu", "Lưu")):
            match = re.search(r"\.\s+([^.]+?)\s*$", line)
            if match:
                rest = match.group(1)
                names = person_names(rest)
                # "- Lưu: VT, ĐP (2b). Hg Lê Hoài Nam": the typist's initials, then the signer
                if names and (names[0][0] == 0 or names[-1][1] >= len(rest.rstrip(". ")) - 1):
                    return names[-1][2] if names[0][0] else names[0][2]
    return None
