"""Agency mentions: where a name starts and ends in running text, and its canonical form.

Vietnamese official names capitalize only their first word after the type
("Trung tâm Phát triển quỹ đất tỉnh"), so capitals alone cannot find the
end of a name. We read a known name from the registry when there is one, and
otherwise a head word ("Sở", "Trung tâm", "các doanh nghiệp") followed by
name words up to the first verb or function word ("chủ trì", "phối hợp").
"""

from __future__ import annotations

from chidao.extract.agency_continuation import NameContinuation
from chidao.extract.agency_defined import DefinedReading
from chidao.extract.agency_described import DescribedReading
from chidao.extract.agency_groups import GroupReading
from chidao.extract.agency_lists import ListReading
from chidao.extract.agency_members import MemberReading
from chidao.extract.agency_names import NameReading
from chidao.extract.agency_words import (
    _BARE_PLACE,
    _BARE_PLACE_FIRSTS,
    _CAPITALIZED_KINDS,
    _CITY_KIND,
    _COMRADE,
    _COUNCILS,
    _DEPARTMENT,
    _DEPARTMENT_OF_PROVINCE,
    _FALSE_HEAD,
    _FALSE_HEAD_FIRSTS,
    _FIELD_NAME,
    _FIELD_OPENINGS,
    _FIRM_HEADS,
    _FUNCTION_WORDS,
    _ISSUER_HEADS,
    _KIND_PREFIXES,
    _PLACE_AGENCY,
    _PLACE_AGENCY_FIRSTS,
    _PLURAL,
    _PLURAL_FIRSTS,
    _PROVINCE_KIND,
    _PROVINCIAL,
    _SETTLEMENT_FIRSTS,
    _SETTLEMENT_NAMED,
    _SPACES,
    _SPEAKERS,
    _SUBJECT_ENDINGS,
    _SUBJECT_WORD,
    _TOKEN,
    _TRAILING_PARENTHESIS,
    _UNITS_PLURAL,
    _VAGUE_REST,
    _abbreviation_scout,
    _capitalized_openers,
    _opener_firsts,
    _openers,
)
from chidao.extract.mention import Mention, Place
from chidao.extract.registry import Registry, phrase_key, registry

__all__ = ["AgencyReader", "Mention", "Place"]


class AgencyReader(
    NameReading, NameContinuation, DescribedReading, DefinedReading, GroupReading, ListReading, MemberReading
):
    """Reads agency mentions from one document's text."""

    def __init__(self, text: str, key: str, place: Place | None = None) -> None:
        self.text = text
        self.key = key
        self.place = place or Place()
        self.reg: Registry = registry()
        self.limit = len(text)
        self._canonical: dict[str, str] = {}
        self._vague: dict[str, bool] = {}  # is_vague by the written name: asked for each list read
        self._lists: dict[tuple[int, bool, int, bool, tuple[int, int]], tuple[tuple[Mention, ...], int, int]] = {}
        # Groups of localities whose members the text named ("UBND các tỉnh, thành phố Hà Nội,
        # Thái Nguyên"): a later "Ủy ban nhân dân tỉnh, thành phố" refers back to them.
        self._named_groups: dict[str, list[Mention]] = {}
        self._role_bodies: dict[int, list[Mention]] = {}  # "(nhà đầu tư)" at → the body before it
        self._defined: dict[str, tuple[str, ...]] = {}  # names heading lines define (prime_defined)
        self._short: dict[str, str] = {}  # "Công ty" alone → the one company the text names (prime_defined)
        self._fuller: dict[str, list[str]] = {}  # a defined short name → its full names (prime_defined)
        self._priming = False
        self._reading = 0  # read_list calls in progress: ``limit`` bounds the clause being read
        on_key, on_text = _openers()
        self._open_on_key, self._open_on_text = on_key.match, on_text.match  # asked at most positions read
        self._opener_firsts = _opener_firsts()
        self._size = len(text)
        self._starts: dict[tuple[int, int], bool] = {}  # starts_agency by position and bound

    # -- tokens -----------------------------------------------------------------------------
    def _token(self, pos: int) -> tuple[int, int] | None:
        match = _TOKEN.match(self.key, pos, self.limit)
        return match.span(1) if match else None

    def bounded(self, limit: int) -> AgencyReader:
        """Read no further than ``limit`` (the end of the clause or heading being read)."""
        self.limit = min(limit, len(self.text))
        return self

    def _is_upper(self, pos: int) -> bool:
        return pos < self._size and self.text[pos].isupper()

    def skip_space(self, pos: int) -> int:
        if 0 <= pos < self._size:
            if not self.text[pos].isspace():
                return pos  # most calls: already at a word (``\s`` and ``isspace`` agree)
            return _SPACES.match(self.text, pos).end()  # type: ignore[union-attr]
        while pos < self._size and self.text[pos].isspace():
            pos += 1
        return pos

    def starts_agency(self, pos: int) -> bool:
        """Whether a new agency name begins at ``pos`` (used to split lists)."""
        pos = self.skip_space(pos)
        if pos >= self.limit and not self._reading:
            self.limit = len(self.text)  # a bound left from reading an earlier clause
        known = self._starts.get((pos, self.limit))
        if known is None:
            known = self._starts[pos, self.limit] = self._starts_agency(pos)
        return known

    def _starts_agency(self, pos: int) -> bool:
        """``starts_agency`` at ``pos``, past spaces, within ``limit``: a function of the two."""
        if not self._may_open(pos, len(self.text)):
            return False
        if self._defined and self._defined_end(pos) is not None:
            return True  # "Chi cục ATVSTP, CDC": names the text defined (genre g761)
        reg, key, limit = self.reg, self.key, self.limit
        first, written = key[pos : pos + 1], self.text[pos : pos + 1]  # what each pattern must start with
        if first in _FALSE_HEAD_FIRSTS and _FALSE_HEAD.match(key, pos, limit):
            return False
        upper = self._is_upper(pos)
        if (upper or key.startswith(_COMRADE, pos)) and reg.positions.match(key, pos, limit):
            return True
        plural = _PLURAL.match(key, pos, limit) if first in _PLURAL_FIRSTS else None
        if plural:
            if _FALSE_HEAD.match(key, plural.end(), limit):
                return False
            return bool(reg.group_nouns.match(key, plural.end(), limit) or reg.heads.match(key, plural.end(), limit))
        if first in reg.firsts["compound_heads"] and reg.compound_heads.match(key, pos, limit):
            return True
        if written in _PLACE_AGENCY_FIRSTS and _PLACE_AGENCY.match(self.text, pos):
            return True
        if (
            written in _SETTLEMENT_FIRSTS
            and _SETTLEMENT_NAMED.match(self.text, pos)
            and not reg.heads.match(key, pos, limit)
        ):
            return True  # "Thôn Bình Minh", "Tổ dân phố số 5"
        if self.place.subject and written in _BARE_PLACE_FIRSTS and _BARE_PLACE.match(self.text, pos):
            return True
        return upper and bool(_capitalized_openers().match(key, pos, limit))

    def _may_open(self, pos: int, text_end: int) -> bool:
        """Whether a name may open at ``pos``: a pattern of ``_openers`` matches there (the text's
        patterns up to ``text_end``, as the caller matches them)."""
        on_key, on_text = self._opener_firsts
        return bool(
            (self.key[pos : pos + 1] in on_key and self._open_on_key(self.key, pos, self.limit))
            or (self.text[pos : pos + 1] in on_text and self._open_on_text(self.text, pos, text_end))
            or (self._defined and self._defined_end(pos) is not None)  # "CDC", defined by the text (g761)
        )

    def acts(self, start: int, end: int) -> bool:
        """Whether ``key[start:end]`` holds a verb or modal that never belongs to a name ("rà
        soát", "phải"), not only function words: a list of sources or objects has none."""
        key = self.key
        for match in self.reg.stop_words.finditer(key, start, end):
            if match.start() > 0 and key[match.start() - 1].isalnum():
                continue
            if match.end() < len(key) and key[match.end()].isalnum():
                continue
            if self._inside_proper_name(start, match.start()):
                continue  # a proper name's syllable: "Cần Thơ" is no "cần" (genre g853)
            if " ".join(match.group(0).split()) not in _FUNCTION_WORDS:
                return True
        return False

    def _inside_proper_name(self, start: int, at: int) -> bool:
        """Whether the capitalized word at ``at`` is inside a sentence, after ``start`` (a proper
        name's syllable), not the capital that opens a sentence or an item."""
        if at <= start or not self._is_upper(at):
            return False
        before = self.key[start:at].rstrip()
        return bool(before) and before[-1] not in ".:;!?-\n"

    # -- canonical names ------------------------------------------------------------------------
    def canonical(self, written: str) -> str:
        """Abbreviations expanded, the document's own province dropped, first letter capital."""
        cached = self._canonical.get(written)
        if cached is None:
            cached = self._canonical[written] = self._canonical_uncached(written)
        return cached

    def _canonical_uncached(self, written: str) -> str:
        reg = self.reg
        name = " ".join(written.split()).strip(" ,;:")  # as re.sub(r"\s+", " ") would, once stripped
        if name.endswith(")"):  # no line break is left for "$" to stop before
            name = _TRAILING_PARENTHESIS.sub("", name)
        name = self._expand_field(self._uncapitalized(name))  # first: "Sở TP" is Tư pháp, not "thành phố"
        if _abbreviation_scout().search(name):  # most names hold none
            name = reg.abbreviation_re.sub(lambda m: reg.abbreviations[m.group(1)], name)
            name = self._expand_field(name)
        known = reg.bodies.get(phrase_key(name))
        if known:
            name = known
        name = self._drop_own_province(name)
        name = self._subject_locality(name)
        return name[:1].upper() + name[1:]

    def _uncapitalized(self, name: str) -> str:
        """A name written in capitals ("SỞ Y TẾ", a heading or a table's group row, genre g1074) as
        the registry writes it, when it knows the name; a proper name stays as written."""
        if not name.isupper() or len(name) < 5:
            return name
        lowered = name[:1] + name[1:].lower()
        known = self.reg.bodies.get(phrase_key(lowered))
        if known:
            return known
        head, _, rest = lowered.partition(" ")
        field = self.reg.fields.get(phrase_key(rest)) if f"{head} ".startswith(_FIELD_OPENINGS) else None
        return f"{head} {field}" if field else name

    def _expand_field(self, name: str) -> str:
        match = _FIELD_NAME.match(name) if name.startswith(_FIELD_OPENINGS) else None
        if not match:
            return name
        field = self.reg.fields.get(phrase_key(match.group(2)))
        if field:
            return f"{match.group(1)} {field}{match.group(3)}"
        return name

    def _drop_own_province(self, name: str) -> str:
        department = _DEPARTMENT_OF_PROVINCE.match(name)
        if department:
            return department.group(1)  # "Sở Nội vụ tỉnh": a department is always the province's
        province = self.place.province
        if not province or not name.endswith(province) or name.startswith(_FIRM_HEADS):
            return name  # as every suffix below does; a firm's name is its own ("Công ty Điện lực ...")
        for prefix in _KIND_PREFIXES:  # "tỉnh ", "thành phố ", "Tỉnh ", "Thành phố ", ""
            suffix = " " + prefix + province
            if name.endswith(suffix) and len(name) > len(suffix):
                base = name[: -len(suffix)]
                if prefix or _PROVINCIAL.match(name):
                    own = _CITY_KIND if self.place.subject_kind == "city" else _PROVINCE_KIND
                    kind = prefix.strip().lower() or own
                    if base.startswith(_DEPARTMENT) and prefix:
                        return base
                    return f"{base} {kind}"
        return name

    def _subject_locality(self, name: str) -> str:
        subject = self.place.subject
        if not subject:
            return name
        match = _SUBJECT_WORD.search(name) if name.endswith(_SUBJECT_ENDINGS) else None
        if match:
            word = match.group(1)
            if word in _CAPITALIZED_KINDS:
                word = word.lower() if match.start(1) > 0 else word
            return name[: match.start(1)] + f"{word} {subject}"
        return name

    def is_issuer(self, mention: Mention) -> bool:
        """The body that issues the document, which never leads its own tasks (a People's
        Council in its resolution)."""
        name = mention.name.lower()
        if self.place.council and name.startswith(_COUNCILS):
            return True
        return bool(self.place.issuer) and phrase_key(name) == self.place.issuer

    def is_organ(self, mention: Mention) -> bool:
        """The ministry, department or office that issues the document ("Bộ Y tế" in its own letter)."""
        return phrase_key(mention.name) in self.place.organ

    @staticmethod
    def is_leader(mention: Mention) -> bool:
        """A committee's, department's or ministry's leader by title ("Phó Chủ tịch UBND tỉnh")."""
        name = _without_comrade(mention.name.lower())
        return name.startswith(_ISSUER_HEADS) or f"{name} " in _ISSUER_HEADS  # "Thứ trưởng" alone too (g744)

    def is_speaker(self, mention: Mention) -> bool:
        """One leader who speaks and directs ("Chủ tịch UBND tỉnh", "Phó Thủ tướng Trần Hồng Hà"),
        not a group of heads ("Chủ tịch UBND các xã") nor a body: the issuer's head, or in a text
        with no issuer (the news) a chair's title."""
        name = _without_comrade(mention.name.lower())  # "Đồng chí Bí thư Tỉnh ủy" (genre g248)
        if f" {_UNITS_PLURAL} " in f" {name} ":
            return False  # "Chủ tịch UBND các xã": a group of heads
        titled = name.startswith(_SPEAKERS) or f"{name} " in _SPEAKERS  # "Phó Chủ tịch" alone too
        return self.speaks_for_issuer(mention) or (not self.place.issuer and titled)

    def speaks_for_issuer(self, mention: Mention) -> bool:
        """The issuer or one of its leaders ("Chủ tịch Ủy ban nhân dân tỉnh" in the committee's
        notice): what they approve or promise ("đồng ý ...", "sẽ làm việc ...") is nobody's task."""
        if self.is_issuer(mention):
            return True
        name = mention.name.lower()
        if not self.place.issuer:
            return False
        return any(
            name.startswith(title) and phrase_key(name[len(title) :]) == self.place.issuer for title in _ISSUER_HEADS
        )

    def is_vague(self, mention: Mention) -> bool:
        """Partners that name no one: "các cơ quan, đơn vị liên quan", "các sở, ngành"."""
        vague = self._vague.get(mention.written)
        if vague is None:
            vague = self._vague[mention.written] = self._is_vague(mention.written)
        return vague

    def _is_vague(self, written: str) -> bool:
        key = phrase_key(written)
        rest = self.reg.vague_re.sub(" ", key)
        return not _VAGUE_REST.sub("", rest)


def _without_comrade(name: str) -> str:
    """A lowercased name without the "đồng chí" before a position ("đồng chí bí thư tỉnh ủy")."""
    for comrade in _COMRADE:
        if name.startswith(f"{comrade} "):
            return name[len(comrade) + 1 :]
    return name
