"""Who a letter's clauses mean by its addressees: "Các cơ quan, đơn vị nêu trên", a plural group
that is the several bodies it is addressed to, or the one addressee named short."""

from __future__ import annotations

from chidao.extract.agencies import Mention
from chidao.extract.agency_words import _UNITS_PLURAL
from chidao.extract.cues import cues
from chidao.extract.leads import Assignment, is_vague_list

_BACK_AFTER = cues("agency_cues.toml")["back_after"]  # "Các cơ quan, đơn vị | nêu trên ..."
_PROPOSES = cues("assignment_cues.toml")["proposes_after_subject"]  # "đề nghị", "kiến nghị", "đề xuất"


class AddresseeChecks:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, ``key`` and ``letter_addressees``)."""

    def _shortens_addressee(self, leads: list[Mention]) -> bool:
        """ "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố ...:" in a letter to "Ủy ban nhân
        dân các tỉnh, thành phố trực thuộc Trung ương": the one addressee, named short (genre g301)."""
        addressees = self.letter_addressees
        if len(leads) != 1 or len(addressees) != 1:
            return False
        short, full = leads[0].name.lower(), addressees[0].name.lower()
        return full.startswith(f"{short} ") and short != full

    def _names_addressees(self, leads: list[Mention]) -> bool:
        """Whether a plural group ("Ủy ban nhân dân các tỉnh, thành phố") is the several bodies a
        letter is addressed to, each of its kind ("Ủy ban nhân dân tỉnh An Giang", ...; genre l06)."""
        addressees = self.letter_addressees
        if len(leads) != 1 or len(addressees) < 2:
            return False
        name = leads[0].name.lower()
        plural = f" {_UNITS_PLURAL} "
        if plural not in name:
            return False
        head = name.split(plural, 1)[0]
        return all(m.name.lower().startswith(f"{head} ") for m in addressees)

    def refers_to_addressees(self, leads: list[Mention]) -> bool:
        """ "Các cơ quan, đơn vị nêu trên báo cáo ...", "Ủy ban nhân dân các tỉnh rà soát ..." in a
        letter to several bodies: those bodies, wherever the clause stands (genre g358, g364)."""
        if len(self.letter_addressees) < 2 or len(leads) != 1:
            return False
        back = is_vague_list(self.reader, leads) and _BACK_AFTER.match(self.key, leads[0].end)
        return bool(back) or self._names_addressees(leads)

    def _asks_the_issuer(self, assignment: Assignment | None) -> bool:
        """ "Theo đó, Công ty đề nghị UBND tỉnh xem xét:" in the province's answer: the bodies named
        after the verb are the issuer itself, so the items are what it is asked for, a petition,
        not tasks (rule 10; genre g945); not "Ủy ban nhân dân tỉnh yêu cầu:", its own voice."""
        if assignment is None or assignment.start >= assignment.leads[0].start:
            return False
        if not _PROPOSES.match(self.key, assignment.start):
            return False  # "Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh ...:" orders (genre k09)
        return all(self.reader.is_issuer(m) for m in assignment.leads)
