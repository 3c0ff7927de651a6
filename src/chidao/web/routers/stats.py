"""Dashboard figures, and how much reviewers changed what extraction proposed."""

from __future__ import annotations

from fastapi import APIRouter

from chidao.tracking.review_stats import extraction_stats
from chidao.tracking.statistics import statistics
from chidao.tracking.visibility import scope_of, sees_drafts
from chidao.web import schemas
from chidao.web.deps import CurrentUser, OfficeUser, SessionDep, SoonDep, TodayDep

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("")
def task_stats(session: SessionDep, user: CurrentUser, today: TodayDep, soon: SoonDep) -> schemas.Stats:
    """Tracked tasks the user may see: by timing state, by status, and overdue per lead agency."""
    figures = statistics(session=session, scope=scope_of(user), today=today, soon_until=soon)
    return schemas.Stats(
        total=sum(figures["by_status"].values()),
        today=today,
        due_soon_until=soon,
        **figures,
    )


@router.get("/extraction")
def review_stats(session: SessionDep, user: OfficeUser, include_drafts: bool = False) -> schemas.ExtractionStats:
    """Share of tasks kept unchanged, edited, added and deleted in review, overall and per field
    (confirmed documents; drafts on request, for the office only)."""
    drafts = include_drafts and sees_drafts(user)
    return schemas.ExtractionStats(**extraction_stats(session=session, include_drafts=drafts))
