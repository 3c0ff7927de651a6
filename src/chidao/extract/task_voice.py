"""Whose voice a clause is in: the issuer promising or approving, a stance asked of a lead, an
encouragement, a body's intent told in the news. Such a clause gives no task (rules 5, 9, 12)."""

from __future__ import annotations

import re

from chidao.extract.cues import cues
from chidao.extract.doer_leads import promised_subject, reported_subject
from chidao.extract.leads import Assignment
from chidao.extract.task_clauses import SentenceState

_REPORTED_FACT, _REQUEST_WORD = cues("task_cues.toml")["reported_fact"], cues("task_cues.toml")["request_word"]
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


class VoiceChecks:
    """Part of ``TaskCutter`` (mixed into it; uses its reader, ``sentences`` and the checks of
    ``ClauseChecks``)."""

    def _voice_says(
        self, assignment: Assignment | None, clause: tuple[int, int, int], following: list, state: SentenceState
    ) -> str | None:
        """Why a clause is no task for whose words it is, or None; a promise goes on in the clauses
        after it ("...; kết quả kiểm tra được công khai ...")."""
        _, c_end, opening = clause
        if assignment is not None:
            if self._is_promise(assignment, c_end):  # "Ủy ban nhân dân tỉnh sẽ ...": the issuer's promise
                state.reporting = True
                return "narration"
            if self._is_stance(assignment, c_end, following):
                return "assessment"  # "X phải xác định đây là nhiệm vụ trọng tâm."
            if self._encourages(assignment, c_end):
                return "exhortation"  # "đề nghị X tiếp tục phát huy những kết quả đã đạt được"
            return None
        if self._issuer_speaks_on(opening, c_end):
            state.reporting = True
            return "narration"
        if self.sentences and promised_subject(self.reader, opening, c_end):
            return "narration"  # news: "..., UBND tỉnh sẽ xem xét ...", reported intent
        return None

    def _issuer_speaks_on(self, opening: int, end: int) -> bool:
        """ "Ban Thường vụ Tỉnh ủy sẽ tổ chức sơ kết ...", "... thống nhất ...": the issuer's own words
        after an item, no part of its task (genre g312); not its report of what it did ("Ủy ban
        nhân dân tỉnh đã ban hành ...; đã giao ..."), which the clauses after it go on with."""
        return self._issuer_opens(opening, end) and reported_subject(self.reader, opening, end) is None

    def _issuer_opens(self, pos: int, end: int) -> bool:
        """Whether the issuer or the body it speaks for opens the paragraph ("Ban Thường vụ Tỉnh ủy
        sẽ tổ chức sơ kết ..." after the last item): its own words, not that item's (genre g312)."""
        if not self.reader.starts_agency(pos):
            return False
        limit = self.reader.limit
        mentions, _ = self.reader.read_list(pos, limit=end)
        self.reader.bounded(limit)
        return bool(mentions) and all(self.reader.speaks_for_issuer(m) or self.reader.is_organ(m) for m in mentions)

    def _reported_fact(self, opening: int, end: int) -> str | None:
        """ "Nhiệm vụ đã quá hạn 45 ngày.", "Sở đã gửi dự thảo ... nhưng chưa trình.": a fact told, no
        verb before its past word and no request after it (genre g1022)."""
        if not self.text[opening : opening + 1].isupper():  # type: ignore[attr-defined]
            return None  # a sentence's own opening, not a clause after ";"
        fact = _REPORTED_FACT.match(self.key, opening, end)  # type: ignore[attr-defined]
        if fact is None or self.reader.acts(opening, fact.end() - 4):  # type: ignore[attr-defined]
            return None
        stop = _SENTENCE_END.search(self.key, opening)  # type: ignore[attr-defined]
        sentence_end = stop.start() if stop else len(self.key)  # type: ignore[attr-defined]
        # "Sở X đã hoàn thành ...; đề nghị tiếp tục ...": the request after it is the subject's (g171)
        return None if _REQUEST_WORD.search(self.key, opening, max(end, sentence_end)) else "narration"  # type: ignore[attr-defined]
