"""The issuer as a lead would name it ("ỦY BAN NHÂN DÂN TỈNH X" → "ủy ban nhân dân tỉnh", "BỘ Y TẾ"
→ "bộ y tế"), to tell its own promises and approvals from tasks it gives."""

from __future__ import annotations

from chidao.data import load_toml
from chidao.extract.registry import phrase_key
from chidao.text import match_key

# How the issuer is named as a lead (layout.toml [issuer]).
_ISSUER = load_toml("layout.toml")["issuer"]
_COMMITTEES = tuple(match_key(word) for word in _ISSUER["committees"])  # "ỦY BAN", "UỶ BAN" alike


def issuer_key(issuer_block: str | None) -> str | None:
    """The issuing People's Committee (or the Government) as a lead would name it, to tell its
    own promises and approvals."""
    words = _ISSUER
    issuer = (issuer_block or "").upper()
    if " ".join(issuer.split()) == words["government"]:
        return phrase_key(words["government_lead"])  # a Government resolution: "Chính phủ thống nhất ..." is no task
    if any(w in issuer for w in words["offices"]):
        return None
    return _committee_key(issuer)


def _committee_key(issuer: str) -> str | None:
    """ "ỦY BAN NHÂN DÂN TỈNH ..." (or of a commune) → "ủy ban nhân dân tỉnh" (or "... xã")."""
    words = _ISSUER
    if not any(w in match_key(issuer) for w in _COMMITTEES):
        return None
    spaced = f" {' '.join(issuer.split())} "
    local = [kind for written, kind in words["local_kinds"].items() if f" {written} " in spaced]
    regional = words["city_kind"] if words["city"] in issuer else words["province_kind"]
    kind = local[0] if local else regional
    return phrase_key(f"{words['committee_lead']} {kind}")


def organ_keys(issuer_block: str | None) -> tuple[str, ...]:
    """The issuing ministry, department, committee's office or Party committee as a lead would name
    it, to tell its promises: "BỘ Y TẾ" → "bộ y tế"; "TỈNH ỦY ..." → "ban thường vụ tỉnh ủy", ..."""
    issuer = " ".join((issuer_block or "").upper().split())
    for party in _ISSUER["party_issuers"]:
        if f" {party} " in f" {issuer} ":  # after "ĐẢNG BỘ TỈNH X" too
            keys = [phrase_key(party), *(phrase_key(f"{organ} {party}") for organ in _ISSUER["party_organs"])]
            office = issuer[issuer.find(party) + len(party) :].strip()  # "TỈNH ỦY / VĂN PHÒNG" (genre g846)
            return (*keys, phrase_key(f"{office} {party}")) if office else tuple(keys)
    return _organ_key(issuer)


def _organ_key(issuer: str) -> tuple[str, ...]:
    """ "BỘ Y TẾ" → "bộ y tế", "UBND TỈNH ... VĂN PHÒNG" → "văn phòng ủy ban nhân dân tỉnh" and the
    committee it speaks for ("Ủy ban nhân dân thành phố sẽ báo cáo Thủ tướng ..." in its office's
    notice is the committee's own promise; genre g809, g858)."""
    for head in _ISSUER["organ_heads"]:
        at = issuer.rfind(f" {head} ") + 1 if f" {head} " in issuer else -1
        if issuer.startswith(f"{head} "):
            at = max(at, 0)
        if issuer.endswith(f" {head}"):
            at = len(issuer) - len(head)
        if at < 0:
            continue
        organ = issuer[at:]
        if organ == head:  # "ỦY BAN NHÂN DÂN TỈNH X / VĂN PHÒNG": the committee's office
            above = _committee_key(issuer[:at])
            return (phrase_key(f"{head} {above}"), above) if above else ()
        return (phrase_key(organ),)
    return ()
