"""The report's figures against the database, counted again task by task (``scenario.expected``)
on SQLite and PostgreSQL: the four classes, tasks without deadline, recurring rounds, the table
per agency, the lists, scores and ranking, the monthly trend and the summary."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chidao.extract.workdays import default_calendar
from chidao.reports.build import ReportError, build_report, find_agency
from chidao.reports.data import report_data
from chidao.reports.periods import parse_period
from chidao.reports.scores import policy
from chidao.store.models import Agency
from support.report_scenario import END, FINANCE, PERIOD, START, TODAY, expected, overdue_ids


def report(session, period=PERIOD, today=TODAY, **options):
    return build_report(
        session=session, period=parse_period(period), today=today, calendar=default_calendar(), **options
    )


def test_the_four_classes_and_the_tasks_without_deadline(session, quarter):
    built = report(session)
    want = expected(session)
    got = built.totals.as_dict()
    assert {k: got[k] for k in want} == want
    assert built.through == END and built.period.start == START
    assert want["overdue"] >= 3 and want["done_on_time"] >= 3 and want["done_late"] >= 2  # the scenario has all


def test_a_running_period_counts_up_to_today(session, quarter):
    built = report(session, today=date(2024, 5, 1))
    assert built.through == date(2024, 5, 1)
    got = built.totals.as_dict()
    assert {k: got[k] for k in expected(session, START, date(2024, 5, 1))} == expected(session, START, date(2024, 5, 1))


def test_the_period_before_and_a_period_not_begun(session, quarter):
    built = report(session)
    assert built.previous_period.key == "2024-Q1"
    assert built.previous.total == 0  # nothing was assigned before the conversion notice of 15/03
    june = report(session, period="2024-06")
    before = expected(session, date(2024, 4, 15), date(2024, 5, 14))
    assert june.previous_period.key == "2024-05"
    assert {k: getattr(june.previous, k) for k in before} == before and june.previous.total > 0
    with pytest.raises(ReportError) as refused:
        report(session, period="2024-Q4")
    assert refused.value.code == "period_not_begun"


def test_the_table_per_agency_and_one_agency_report(session, quarter):
    built = report(session)
    finance = next(row for row in built.agencies if row.name == FINANCE)
    want = expected(session, agency=FINANCE)
    assert {k: getattr(finance.totals, k) for k in want} == want
    # four deadlines passed unfinished in the period; two were answered (a completion on 16/05,
    # a progress report on 05/06), one was completed only after the cut-off, one not at all
    assert finance.reminders == 4 and finance.answered == 2
    agency_id = session.scalar(select(Agency.id).where(Agency.name == FINANCE))
    alone = report(session, agency_id=agency_id)
    assert alone.scope == FINANCE and [r.name for r in alone.agencies] == [FINANCE]
    assert {k: getattr(alone.totals, k) for k in want} == want
    assert find_agency(session, "so tai chinh") == agency_id == find_agency(session, str(agency_id))
    with pytest.raises(ReportError):
        find_agency(session, "Sở Không Có")


def test_the_lists(session, quarter):
    built = report(session)
    assert [line.id for line in built.overdue] == overdue_ids(session)
    calendar = default_calendar()
    for line in built.overdue:
        assert line.days_late == calendar.working_days_between(line.deadline, END) > 0
    police = next(line for line in built.overdue if line.text.startswith("Giao Công an tỉnh"))
    assert police.deadline == date(2024, 4, 15) and police.lead == ("Công an tỉnh",)
    assert [(line.original_deadline, line.deadline) for line in built.extended] == [
        (date(2024, 3, 29), date(2024, 4, 15))
    ]
    completed = [line.completed_on for line in built.completed]
    assert completed == sorted(completed, reverse=True) and all(START <= d <= END for d in completed)
    assert len(built.completed) == built.totals.completed + built.totals.no_deadline_done
    short = report(session, rows=2)
    assert len(short.overdue) == 2 and short.totals.overdue == built.totals.overdue
    figures = report(session, rows=0)  # what the dashboard reads: the same figures, no lists
    assert (figures.totals, figures.scores, figures.trend) == (built.totals, built.scores, built.trend)
    assert figures.overdue == figures.completed == [] and figures.summary == ""


def test_recurring_rounds_are_counted_apart(session, quarter):
    rounds = report(session).rounds
    # the monthly report "trước ngày 25 hằng tháng": rounds due 25/03, 25/04, 25/05 in the quarter;
    # the quarterly follow-up without a date: at the end of March
    assert (rounds.tasks, rounds.due) == (2, 4)
    assert (rounds.done_on_time, rounds.done_late, rounds.overdue, rounds.in_time) == (1, 1, 2, 0)


def test_scores_rank_only_agencies_with_enough_tasks(session, quarter):
    built = report(session)
    ranked = [s for s in built.scores if s.value is not None]
    assert [s.name for s in ranked] == [FINANCE]  # the only lead with five dated tasks or more
    finance = ranked[0]
    assert finance.rank == 1 and 0 < finance.value < 100
    assert finance.parts["completion"] == pytest.approx(3 / 8)
    assert finance.parts["response"] == pytest.approx(2 / 4)
    others = [s for s in built.scores if s.value is None]
    assert others and all(s.tasks < policy()["min_tasks"] for s in others)


def test_the_monthly_trend(session, quarter):
    trend = report(session).trend
    assert len(trend) == 12 and (trend[-1].year, trend[-1].month) == (2024, 6)
    march = next(p for p in trend if p.month == 3 and p.year == 2024)
    # the conversion notice's seven tasks that do not recur, but the cancelled one, and the finance notice's nine
    assert march.assigned == 6 + 9
    assert trend[-1].overdue == report(session).totals.overdue
    may = next(p for p in trend if p.month == 5)
    assert may.completed == 3  # 03/05 late, 16/05 late, 20/05 on time


def test_the_summary_and_the_json(session, quarter):
    built = report(session, period="2024-06")
    data = report_data(built)
    assert data["totals"]["overdue"] == built.totals.overdue and data["period"]["through"] == "2024-06-14"
    assert "Trong kỳ báo cáo (từ ngày 15/05/2024 đến ngày 14/06/2024), toàn tỉnh theo dõi" in built.summary
    assert f"và {built.totals.overdue} nhiệm vụ đã quá hạn" in built.summary
    assert "So với kỳ trước (tháng 5 năm 2024), số nhiệm vụ hoàn thành" in built.summary
    assert "số nhiệm vụ quá hạn tăng" in built.summary and FINANCE in built.summary


def test_one_scan_counts_each_period_as_its_own_report(session, quarter):
    # tally.py counts a report's totals, the previous period's and the trend in one scan: a
    # year's previous period begins before the trend's twelve months, a short custom period's
    # after, and each figure must be the one its own report counts
    year = report(session, period="2024")
    assert year.through == TODAY and year.previous_period.key == "2023"
    assert year.totals.as_dict() == report(session, period=f"2023-12-15..{TODAY.isoformat()}").totals.as_dict()
    want = expected(session, date(2023, 12, 15), TODAY)
    assert {k: getattr(year.totals, k) for k in want} == want
    recent = report(session, period=f"2024-06-01..{TODAY.isoformat()}")
    assert recent.trend == year.trend and recent.trend[-1].overdue == recent.totals.overdue
    days = recent.previous_period
    before = report(session, period=f"{days.start.isoformat()}..{days.end.isoformat()}")
    assert recent.previous.as_dict() == before.totals.as_dict() and before.totals.total > 0
