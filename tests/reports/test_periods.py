"""Report periods: every example row of ``data/vi/reports.toml`` (the cut-off of Nghị định
09/2019/NĐ-CP and whole months), the period before each, and texts that name no period."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.reports.periods import PeriodError, current_month, examples, named, parse_period


@pytest.mark.parametrize("row", examples(), ids=lambda r: f"{r['text']}-{r['mode']}")
def test_each_example_of_the_data_file(row):
    period = parse_period(row["text"], row["mode"])
    assert (period.start, period.end) == (date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
    assert period.label == row["label"]
    assert parse_period(period.key, row["mode"]) == period  # the key names it again


@pytest.mark.parametrize(
    ("text", "mode", "before", "start", "end"),
    [
        ("2026-01", "cutoff", "2025-12", date(2025, 11, 15), date(2025, 12, 14)),
        ("2026-Q1", "cutoff", "2025-Q4", date(2025, 9, 15), date(2025, 12, 14)),
        ("2026-Q3", "calendar", "2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-H1", "cutoff", "2025-H2", date(2025, 6, 15), date(2025, 12, 14)),
        ("2026-9M", "cutoff", "2025-9M", date(2024, 12, 15), date(2025, 9, 14)),
        ("2026", "calendar", "2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2026-03-01..2026-03-10", "cutoff", "2026-02-19..2026-02-28", date(2026, 2, 19), date(2026, 2, 28)),
    ],
)
def test_the_period_before(text, mode, before, start, end):
    previous = parse_period(text, mode).previous()
    assert (previous.key, previous.start, previous.end) == (before, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-13",
        "2026-Q5",
        "2026-H3",
        "Q1",
        "2026-02-30..2026-03-01",
        "2026-03-10..2026-03-01",
        "2020-01-01..2026-01-01",
        "quý 1",
        "0001-01-01..0001-01-02",  # the period before would be no date (a 500 before)
        "1900",
        "2200-Q1",
    ],
)
def test_texts_that_name_no_period_are_refused(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_an_unknown_counting_is_refused():
    with pytest.raises(PeriodError, match="cutoff, calendar"):
        parse_period("2026-03", "lunar")


@pytest.mark.parametrize(
    ("today", "mode", "key"),
    [
        (date(2026, 3, 14), "cutoff", "2026-03"),
        (date(2026, 3, 15), "cutoff", "2026-04"),  # from the 15th the cut-off counts next month
        (date(2026, 12, 20), "cutoff", "2027-01"),
        (date(2026, 3, 20), "calendar", "2026-03"),
    ],
)
def test_this_month(today, mode, key):
    period = current_month(today, mode)
    assert period.key == key and period.start <= today <= period.end


def test_a_quarter_is_its_three_months():
    quarter = named("quarter", 2026, 2)
    months = [named("month", 2026, m) for m in (4, 5, 6)]
    assert (quarter.start, quarter.end) == (months[0].start, months[-1].end)
