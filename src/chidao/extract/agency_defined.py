"""Names a document defines by heading a part with them or by naming a body short: "2. Phòng Tài chính doanh nghiệp",
"3. Phòng Quản lý giá và công sản" over the items each room is given (genre g441). A reader
cannot tell where such a name ends in running text ("Phòng Tài chính | doanh nghiệp ..."), but the
heading line holds the name alone, so the whole line is the name wherever the text uses it."""

from __future__ import annotations

import re

from chidao.extract.agency_words import _AND_WORD, _CUES, _PLURAL_WORD, _WORDS
from chidao.extract.mention import Mention
from chidao.extract.registry import alternation
from chidao.text.chars import LOWER, UPPER
from chidao.text.occurrences import find_words

# A numbered or lettered line that holds a few words and perhaps a colon, nothing else.
# Its name may go on after a comma in lowercase ("4. Phòng Cải cách hành chính và Văn thư, lưu trữ") and
# be followed by its role in brackets ("1. Phòng Xây dựng chính quyền ... (đơn vị đầu mối)", genre g1209).
_HEADING_NAME = re.compile(
    rf"^[ \t]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]+"
    rf"([^\n:;,.()]{{6,90}}?(?:,[ \t]+[{LOWER}][{LOWER} ]{{1,40}}?)*)"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:?[ \t]*$",
    re.MULTILINE,
)
_MOST_WORDS = 5  # words of a name after what the reader reads
_SHORT_NAME = _CUES["short_name"]  # "(sau đây gọi tắt là Tổ công tác)" (genre g376, g445)
_BRACKETED_SHORT = _CUES["bracketed_short_name"]  # "(Ban QLDA Giao thông)" after the full name
_SHORT_FORM = _CUES["short_form"]  # "(sau đây gọi tắt là Chi cục TT, BVTV&TL)", "(... là CDC)"
_LONGEST_FULL = 80  # characters: a longer "name" is what a decision sets up, its short name kept (g445)
_SETUPS = re.compile(r"(?<!\w)" + alternation(_WORDS["short_name_setups"]).pattern)
_NAME_BREAKS = re.compile(r"(?<!\w)" + alternation(_WORDS["defined_name_breaks"]).pattern)
_ABBREVIATION_LIST = _CUES["abbreviation_list"]  # "(Trong Kế hoạch này viết tắt: A là B; ...)" (genre g749)
_ABBREVIATION_PAIR = _CUES["abbreviation_pair"]
_ABBREVIATION_DASHED = _CUES["abbreviation_pair_dashed"]  # "Phòng QHKT - Phòng Quy hoạch - Kiến trúc;"
_ABBREVIATED_AS = _CUES["abbreviated_as"]  # "A viết tắt là B" anywhere (genre g761)
_ABBREVIATED_SAID = _CUES["abbreviated_said"]  # its words alone: found fast, then the pair matched from before them
_FIRST_WORD = re.compile(r"[\w&-]+")  # a defined name's first word: "cdc" of "CDC;", "phòng" of "Phòng GDPT"
_ACRONYM = re.compile(rf"(?<!\w)[{UPPER}]{{2,}}(?!\w)")  # "QLDA" in a short form: the full name is meant
_SHORT_HEADS = tuple(_WORDS["short_heads"])  # "Công ty", "Bệnh viện" alone (genre g522, g530)
# Each head written before a capital; the literal first, so that the scan skips to it (a look-behind
# first would be tried at every position of the text).
_SHORT_HEAD_AT = {head: re.compile(rf"{re.escape(head)}\s+(?=[{UPPER}])") for head in _SHORT_HEADS}
_TITLE_HEAD_AT = {head: re.compile(rf"{re.escape(head)}\s+(?=[{UPPER}])") for head in _WORDS["title_short_heads"]}
_NAME_GOES_ON = re.compile(rf"\s+[{UPPER}\d]|[\w-]")  # a capital after it: a full name, not the short form
_CAPITAL_ON_LINE = re.compile(rf"[ \t]+[{UPPER}]")  # "Tập đoàn | Đầu tư Sao Việt": a longer name goes on
_CLAUSE_MARKS = frozenset(",.;:)")  # what may follow a short head that ends a subject
_QUALIFIERS = sorted(_WORDS["group_qualifier_openers"], key=len, reverse=True)  # "nơi có" before "nơi"
_QUALIFIER_OPENING = re.compile(r"\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _QUALIFIERS) + r")\s")
# "UBND các xã, phường | có trách nhiệm:" states a duty, no qualifier (genre g766)
_DUTY_OPENING = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in _WORDS["group_qualifier_not"]) + r")(?!\w)")
_INVESTOR_ROLE, _INVESTOR_NAMED, _INVESTOR_IS = (_WORDS[k] for k in ("investor_role", "investor_named", "investor_is"))


class DefinedReading:
    """The defined-name part of ``AgencyReader`` (mixed into it; uses its ``text``, ``key``,
    ``limit`` and the name reader)."""

    _defined: dict[str, tuple[str, ...]]  # a name's first word → the names, longest first (AgencyReader sets it)
    _short: dict[str, str]  # a head written alone → the one body of its kind the text names
    _fuller: dict[str, list[str]]  # a defined short name → the full names it was defined for

    def prime_defined(self) -> None:
        """Collect the names the document's heading lines define, where the name reader alone
        would read a shorter name from the line."""
        defined: dict[str, list[str]] = {}
        for match in _HEADING_NAME.finditer(self.text):
            start, end = match.span(1)
            self.limit = len(self.text)
            if not self._is_upper(start) or not self.starts_agency(start):
                continue
            # "1. Sở Xây dựng rà soát quy hoạch" is no name; but a line the text uses again is one, even
            # with a verb's word in it ("Phòng Xây dựng chính quyền và công tác thanh niên", genre g1209)
            repeated = len(_occurrences(self.key, self.key[start:end])) > 1
            read = self._read_end(start)
            qualified = read is not None and self._qualified_group(match, start, read, end)
            if self.acts(start, end) and not repeated and not qualified:
                continue
            if read is not None and read < end and (repeated or qualified or self._plain_rest(read, end)):
                phrase = self.key[start:end]
                defined.setdefault(phrase.split()[0], []).append(phrase)
        for match in _SHORT_NAME.finditer(self.text):
            start, end = match.span(1)
            self.limit = len(self.text)
            if self._is_upper(start) and self.reg.heads.match(self.key, start, end):
                phrase = self.key[start:end]
                defined.setdefault(phrase.split()[0], []).append(phrase)
                full = self._written_before(match.start())
                if full is not None and full.startswith(phrase) and len(full) > len(phrase):
                    self._fuller.setdefault(phrase, []).append(full)  # "Ban Quản lý dự án | đầu tư xây dựng ..."
        self._prime_abbreviated(defined)
        self._prime_short_forms(defined)
        self.limit = len(self.text)
        self._prime_short_heads()  # before the defined names: "(sau đây gọi là Công ty)" would cut the full name
        self._prime_investor()
        self._defined = {word: tuple(sorted(set(names), key=len, reverse=True)) for word, names in defined.items()}

    def _prime_abbreviated(self, defined: dict[str, list[str]]) -> None:
        """A short form with an abbreviation that a document defines in brackets after a body's
        full name ("... công trình giao thông tỉnh (sau đây gọi là Ban QLDA Giao thông)"): the
        short form names that body wherever it is written, by its full name (genre g566)."""
        for match in _BRACKETED_SHORT.finditer(self.text):
            start, end = match.span(1)
            first = self.text[start:end].split()[0]
            if first.isupper():
                self._prime_capital_short(match, defined)  # "Ban Quản lý dự án ... tỉnh (BQLDA tỉnh)"
                continue
            if not _ACRONYM.search(self.text, start + len(first), end):
                continue
            if not self.reg.heads.match(self.key, start, end):
                continue
            full = self.name_before(match.start())
            if full is None and _SHORT_NAME.match(self.text, match.start()):
                full = self._defined_before(match.start(), defined)  # "(sau đây viết tắt là ...)"
            if full is None:
                continue
            phrase = self.key[start:end]
            defined.setdefault(phrase.split()[0], []).append(phrase)
            self._canonical[" ".join(self.text[start:end].split())] = full
        for match in _ABBREVIATION_LIST.finditer(self.text):
            self._prime_listed(match.end(), defined)
        for said in _ABBREVIATED_SAID.finditer(self.text):
            # the pair's full name starts after the bracket, semicolon or line break before it
            start = max(self.text.rfind(mark, 0, said.start()) for mark in "(;\n") + 1
            pair = _ABBREVIATED_AS.match(self.text, start)
            if pair is not None and pair.end(1) <= said.start():
                self._prime_pair(pair, defined)

    def _prime_capital_short(self, match: re.Match[str], defined: dict[str, list[str]]) -> None:
        """A short form opening with capitals in brackets after a body's full name ("Ban Quản lý dự
        án đầu tư xây dựng tỉnh (BQLDA tỉnh)", "Công ty Điện lực An Giang (PC An Giang)") names that
        body wherever it is written (genre g1565, g1567); "Ủy ban nhân dân tỉnh (UBND tỉnh)" is the
        kind's own abbreviation, which the reader expands alike."""
        start, end = match.span(1)
        short = " ".join(self.text[start:end].split())
        self.limit = len(self.text)
        full = self.name_before(match.start())
        if full is None or len(full) <= len(short) or self.canonical(short) == full:
            return
        self._define_short(short, " ".join(self.key[start:end].split()), full, defined)

    def _prime_short_forms(self, defined: dict[str, list[str]]) -> None:
        """A short form a bracket defines in so many words ("(sau đây gọi tắt là CDC)", "(... là
        Chi cục TT, BVTV&TL)", "(... là Trung tâm Kiểm định)") names the body written before it,
        by its full name, wherever the text uses it (genre g1466, g1467, g1471). A full name longer
        than ``_LONGEST_FULL`` is a description ("Tổ công tác rà soát, tháo gỡ ..."): kept short."""
        for match in _SHORT_FORM.finditer(self.text):
            start, end = match.span(1)
            short = " ".join(self.text[start:end].split())
            phrase = " ".join(self.key[start:end].split())
            if len(self._canonical.get(short, "")) > len(short):
                continue  # read as a bracketed short form already
            self.limit = len(self.text)
            acronym = _ACRONYM.fullmatch(short) is not None
            if not acronym and not (self._is_upper(start) and self.reg.heads.match(self.key, start, end)):
                continue  # "(sau đây gọi là dự thảo Quyết định)": no body
            if short.split()[0] in self.reg.abbreviations:
                continue  # "(sau đây gọi là UBND cấp xã)": the reader expands it
            full = self.name_before(match.start()) or self._defined_before(match.start(), defined)
            if full is None or len(full) > _LONGEST_FULL or len(full) <= len(short) or self._known_short(match, full):
                continue
            self._define_short(short, phrase, full, defined)

    def _define_short(self, short: str, phrase: str, full: str, defined: dict[str, list[str]]) -> None:
        """``short`` (written; ``phrase`` its match key) names the body called ``full``: read as a
        name wherever the text uses it, canonical as the full name."""
        defined.setdefault(phrase.split()[0], []).append(phrase)
        self._canonical[short] = full

    def _known_short(self, match: re.Match[str], full: str) -> bool:
        """Whether a body the document sets up goes by its short name: "Thành lập Tổ công tác tháo gỡ
        ... (sau đây gọi tắt là Tổ công tác)", whose full name goes on with what it is to do, in
        lowercase (genre g376, g445); not "Ban Chỉ đạo Tổng điều tra ...", a proper name (g909)."""
        short = " ".join(match.group(1).split())
        rest = full[len(short) :].lstrip() if full.startswith(short) else ""
        if not rest[:1].islower():
            return False
        sentence = max(self.key.rfind(". ", 0, match.start()), self.key.rfind("\n\n", 0, match.start()))
        return _SETUPS.search(self.key, max(sentence, match.start() - 300), match.start()) is not None

    def _defined_before(self, bracket: int, defined: dict[str, list[str]]) -> str | None:
        """The full name a bracket that defines a short form follows, from the first body's head
        on its line ("- Đơn vị chủ trì: Chi cục Dân số - Trẻ em và phòng, chống tệ nạn xã hội (sau
        đây viết tắt là Chi cục DS-TE&PCTNXH)"), which the reader cannot tell the end of: it is
        defined whole, and the short form stands for it (genre g1454)."""
        line = self.text.rfind("\n", 0, bracket) + 1
        opening = max(line, *(self.text.rfind(mark, line, bracket) + 1 for mark in ":;"))  # after a label, a ";"
        end = len(self.text[:bracket].rstrip())
        for word in re.finditer(r"(?<!\S)\S", self.text[opening:end]):
            start = opening + word.start()
            self.limit = len(self.text)
            if _NAME_BREAKS.search(self.key, start, end):
                continue  # "Chủ trì, phối hợp với | Trung tâm ...": the name starts later
            if self._is_upper(start) and self.starts_agency(start) and end - start <= 120:
                phrase = " ".join(self.key[start:end].split())
                defined.setdefault(phrase.split()[0], []).append(phrase)
                return self.canonical(" ".join(self.text[start:end].split()))
        return None

    def _prime_listed(self, pos: int, defined: dict[str, list[str]]) -> None:
        """The pairs of a list of abbreviations ("Phòng Giáo dục mầm non là Phòng GDMN; ..."),
        up to the bracket or the blank line that closes it: each short form names its body."""
        close = min(
            (at for at in (self.text.find(")", pos), self.text.find("\n\n", pos)) if at >= 0),
            default=len(self.text),
        )
        while pos < close:
            pair = _ABBREVIATION_PAIR.match(self.text, pos, close)
            if pair is not None:
                pos = pair.end()
                self._prime_pair(pair, defined)
                continue
            # "Phòng QHKT - Phòng Quy hoạch - Kiến trúc;": the short form first (genre g1457)
            dashed = _ABBREVIATION_DASHED.match(self.text, pos, close)
            if dashed is None:
                return
            pos = dashed.end()
            self._prime_pair(dashed, defined, full=2, short=1)

    def _prime_pair(self, pair: re.Match[str], defined: dict[str, list[str]], full: int = 1, short: int = 2) -> None:
        """One body's full name (group ``full``) and its short form with an abbreviation (``short``)."""
        start, end = pair.span(short)
        if not _ACRONYM.search(self.text, start, end) or self.text[start:end].split()[0] in self.reg.abbreviations:
            return  # "UBND tỉnh": an abbreviation of the kind, which the reader expands
        full_start, full_end = self.skip_space(pair.start(full)), pair.end(full)
        if not self.reg.heads.match(self.key, full_start, full_end):
            return  # "Kế hoạch ... là KH": no body's name
        for phrase in (self.key[start:end], " ".join(self.key[full_start:full_end].split())):
            defined.setdefault(phrase.split()[0], []).append(phrase)  # "cdc", "chi cục an toàn vệ sinh thực phẩm"
        self._canonical[" ".join(self.text[start:end].split())] = self.canonical(
            " ".join(self.text[full_start:full_end].split())
        )

    def _fuller_at(self, phrase: str, start: int) -> bool:
        """Whether a full name that ``phrase`` was defined short for is written at ``start``."""
        return any(self.key.startswith(full, start) for full in self._fuller.get(phrase, ()))

    def _written_before(self, pos: int) -> str | None:
        """The match key, as written, of the longest body's name that ends right before ``pos``."""
        body = self._body_before(pos)
        return " ".join(self.key[body.start : body.end].split()) if body is not None else None

    def name_before(self, pos: int) -> str | None:
        """The canonical name of the longest body whose name ends right before ``pos``."""
        body = self._body_before(pos)
        return body.name if body is not None else None

    def _body_before(self, pos: int) -> Mention | None:
        """The longest body whose name ends right before ``pos`` (within 160 characters), or before
        its short form in brackets ("Ban Quản lý dự án ... tỉnh (Ban QLDA) làm chủ đầu tư", genre g1172)."""
        end = len(self.text[:pos].rstrip())
        if self.text[end - 1 : end] == ")":
            opening = self.text.rfind("(", max(0, end - 40), end)
            if opening > 0 and "\n" not in self.text[opening:end]:
                end = len(self.text[:opening].rstrip())
        for match in re.finditer(r"(?<!\S)\S", self.text[max(0, end - 160) : end]):  # the farthest first
            start = max(0, end - 160) + match.start()
            self.limit = len(self.text)
            if self._is_upper(start) and self.starts_agency(start):
                body = self.read(start)
                if body is not None and body.end == end:
                    return body
        return None

    def _prime_short_heads(self) -> None:
        """A head written alone ("Công ty", "Bệnh viện") for the one body of that kind the text
        names in full: the short form reads as that body wherever it opens a clause."""
        for head, pattern in _SHORT_HEAD_AT.items():
            names = self._bodies_opened(pattern, 0, len(self.text))
            if len(names) == 1:
                self._short[head] = self._canonical[head] = names.pop()
        self._prime_title_heads()
        self._lists.clear()  # read before the document's own names were known
        self._starts.clear()

    def _prime_title_heads(self) -> None:
        """A head written alone ("Sở") for the one body of that kind the title names ("... làm việc
        với Sở Y tế"): the conclusions of a working session with it call it so (genre g647, g698)."""
        found = find_words(self.text, self.place.title.split())
        if found is None:
            return
        at, end = found
        for head, pattern in _TITLE_HEAD_AT.items():
            names = set() if head in self._short else self._bodies_opened(pattern, at, end)
            if len(names) == 1:
                self._short[head] = self._canonical[head] = names.pop()

    def _bodies_opened(self, head: re.Pattern[str], start: int, end: int) -> set[str]:
        """The names of the bodies that ``head`` (a head before a capital) opens in ``[start, end)``,
        read in full (not inside a word, and longer than the head)."""
        names = set()
        for match in head.finditer(self.text, start, end):
            if match.start() and self.text[match.start() - 1].isalnum():
                continue  # inside a word
            self.limit = len(self.text)
            body = self.read(match.start())
            if body is not None and body.end > match.end():
                names.add(body.name)
        self.limit = len(self.text)
        return names

    def _qualified_group(self, match: re.Match[str], start: int, read: int, end: int) -> bool:
        """Whether a heading line that ends with a colon names a group and what qualifies it: "Các
        chủ rừng là tổ chức trên địa bàn tỉnh:", "UBND các xã, phường nơi đặt Điểm thi:"."""
        if not match.group(0).rstrip().endswith(":") or not _PLURAL_WORD.search(self.key, max(0, start - 1), read):
            return False  # (from the space before the name: "các" may open it)
        qualified = _QUALIFIER_OPENING.match(self.key, read, end) is not None
        return qualified and not _DUTY_OPENING.match(self.key, read, end)

    def _plain_rest(self, read: int, end: int) -> bool:
        """Whether what the name reader left of a heading line is a few lowercase words that name
        no one and say nothing ("doanh nghiệp", "giá và công sản"): no capital, no verb or function
        word but "và", at most five words."""
        rest = self.text[read:end]
        words = rest.replace(",", " ").split()  # "Văn thư, | lưu trữ"
        if not words or len(words) > _MOST_WORDS or any(not w.isalpha() or not w.islower() for w in words):
            return False
        for match in self.reg.stop_words.finditer(self.key, read, end):
            inside = (
                self.key[match.start() - 1 : match.start()].isalnum()
                or self.key[match.end() : match.end() + 1].isalnum()
            )
            if not inside and match.group(0) != _AND_WORD:
                return False
        return True

    def _short_end(self, start: int) -> int | None:
        """The end of a short head at ``start`` that stands for the text's one body of its kind."""
        for head in self._short:
            end = start + len(head)
            if not self.text.startswith(head, start) or _NAME_GOES_ON.match(self.text, end):
                continue
            after = self.skip_space(end)
            if self.text[after : after + 1] in _CLAUSE_MARKS or self.reg.stop_words.match(self.key, after, self.limit):
                return end  # "Công ty | phối hợp ...", "Bệnh viện | báo cáo ...", not "Công ty | cổ phần ..."
        return None

    def _defined_end(self, start: int) -> int | None:
        """The end of a defined name written at ``start``, or None."""
        key = self.key
        word = _FIRST_WORD.match(key, start)
        names = self._defined.get(word.group(0)) if word else None
        for phrase in names or ():
            end = start + len(phrase)
            if end <= self.limit and key.startswith(phrase, start) and not key[end : end + 1].isalnum():
                if _CAPITAL_ON_LINE.match(self.text, end) or self._fuller_at(phrase, start):
                    return None  # the full name the short one was defined for ("Tập đoàn Đầu tư Sao Việt")
                return end
        return None

    def _prime_investor(self) -> None:
        """The one body a text names as a project's investor ("Ban Quản lý dự án ... (chủ đầu tư)",
        "do Ban ... làm chủ đầu tư", "chủ đầu tư là Ban ..."): "chủ đầu tư" written alone names it
        (genre g968, g1034, g1079); with two investors named, the role stays a role."""
        names: set[str] = set()
        for phrase in _INVESTOR_NAMED:
            for at in _occurrences(self.key, phrase):
                body = self._body_before(at)
                if body is not None:
                    names.add(body.name)
        for phrase in _INVESTOR_IS:
            for at in _occurrences(self.key, phrase):
                after = self.skip_space(at + len(phrase))
                body = self.read(after) if self._is_upper(after) and self.starts_agency(after) else None
                if body is not None:
                    names.add(body.name)
        self.limit = len(self.text)
        if len(names) == 1:
            name = names.pop()
            for role in _INVESTOR_ROLE:
                self._canonical[role] = self._canonical[role[:1].upper() + role[1:]] = name


def _occurrences(key: str, phrase: str) -> list[int]:
    """Where ``phrase`` stands in ``key``, not inside a longer word."""
    found, at = [], key.find(phrase)
    while at != -1:
        before, after = key[at - 1 : at], key[at + len(phrase) : at + len(phrase) + 1]
        if not before.isalnum() and not after.isalnum():
            found.append(at)
        at = key.find(phrase, at + 1)
    return found
