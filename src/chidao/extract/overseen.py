"""Parties a body oversees (contractors, investors, owners): a body told to ask them something is
itself the task's lead ("Ban Quản lý dự án yêu cầu nhà thầu bổ sung máy móc ...", genre g954,
g1089). The words are data (``assignment_cues.toml``, [words])."""

from __future__ import annotations

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader
from chidao.extract.lead_basics import past_spaces

_WORDS = load_toml("assignment_cues.toml")["words"]
REQUESTING = tuple(_WORDS["requesting"])  # "yêu cầu", "đề nghị"
_OVERSEEN = tuple(_WORDS["overseen"])  # "nhà thầu", "chủ đầu tư"
_GROUP_OPENINGS = tuple(f"{word} " for word in _WORDS["group_openings"])  # "các "


def overseen_at(reader: AgencyReader, pos: int) -> bool:
    """Whether an overseen party ("các nhà thầu", "chủ đầu tư") is named at ``pos``, by its kind in
    lowercase: a firm by its name ("Công ty Điện lực Nghệ An") is asked itself, a body of its own."""
    start = past_spaces(reader, pos)
    addressed = reader.key[start:][:40]
    opening = next((o for o in _GROUP_OPENINGS if addressed.startswith(o)), "")
    return addressed[len(opening) :].startswith(_OVERSEEN) and reader.text[start + len(opening)].islower()


def asks_overseen(reader: AgencyReader, pos: int) -> bool:
    """Whether a request verb at ``pos`` asks an overseen party: "yêu cầu nhà thầu tăng ca ..."."""
    verb = next((v for v in REQUESTING if reader.key.startswith(v, pos)), None)
    return verb is not None and overseen_at(reader, pos + len(verb))
