"""Calendar feeds on SQLite and PostgreSQL, read back with the ``icalendar`` library as Outlook,
Google Calendar and Thunderbird would: the Asia/Ho_Chi_Minh time zone, all-day events, stable
UIDs, each user's scope, recurring rounds, and a secret address that can be remade or ended."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from feedkit import sessions, store, users_of
from icalendar import Calendar, Event
from usecases import CONVERSION, HEALTH, TODAY, task_of

from chidao.tracking import calendar_feed, ical
from chidao.tracking.calendar_feed import build_calendar, create_feed, feed_user, revoke_feed
from chidao.tracking.review import update_task

__all__ = ["sessions"]
FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # officer leads, finance coordinates; due 30/4/2024
MONTHLY = "Báo cáo hằng tháng"  # officer leads; "trước ngày 25 hằng tháng"
BASE = "https://chidao.example.gov.vn/"


def feed(sessions, username: str, today: date = TODAY) -> Calendar:
    with sessions() as session:
        user = users_of(session)[username]
        return Calendar.from_ical(build_calendar(session=session, user=user, today=today, base_url=BASE))


def events(calendar: Calendar) -> dict[str, object]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_calendar_is_in_vietnam_time_with_all_day_events(sessions):
    with sessions.begin() as session:
        first = task_of(store(session, CONVERSION), FIRST)
    calendar = feed(sessions, "clerk")
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Asia/Ho_Chi_Minh"]
    standard = zones[0].walk("STANDARD")[0]
    assert standard["TZOFFSETTO"].td == timedelta(hours=7) and standard["TZOFFSETFROM"].td == timedelta(hours=7)
    event = events(calendar)[f"task-{first.id}@chidao"]
    start, end = event["DTSTART"], event["DTEND"]
    assert start.dt == date(2024, 4, 30) and end.dt == date(2024, 5, 1)  # dates, not date-times
    assert type(start.dt) is date and start.params.get("VALUE") == "DATE"
    assert str(event["SUMMARY"]).startswith("Hạn: Chủ trì, phối hợp") and "(Sở Thông tin và Truyền thông)" in str(
        event["SUMMARY"]
    )
    assert str(event["URL"]) == f"https://chidao.example.gov.vn/tasks/{first.id}"
    assert "Phối hợp: Sở Tài chính, Sở Kế hoạch và Đầu tư" in str(event["DESCRIPTION"])
    assert str(event["TRANSP"]) == "TRANSPARENT"
    raw = build_calendar(session=sessions(), user=users_of(sessions())["clerk"], today=TODAY, base_url=BASE)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded as RFC 5545 says


def test_a_task_keeps_its_uid_when_its_deadline_moves(sessions):
    with sessions.begin() as session:
        first = task_of(store(session, CONVERSION), FIRST)
    before = events(feed(sessions, "officer"))[f"task-{first.id}@chidao"]
    with sessions.begin() as session:
        task, clerk = session.merge(first), users_of(session)["clerk"]
        changes = {"deadline": date(2024, 5, 31)}
        update_task(session=session, task=task, user=clerk, changes=changes, version=None, today=TODAY)
    after = events(feed(sessions, "officer"))[f"task-{first.id}@chidao"]
    assert after["DTSTART"].dt == date(2024, 5, 31) and before["DTSTART"].dt == date(2024, 4, 30)
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])  # clients replace the old occurrence


def test_each_user_sees_their_scope_and_recurring_tasks_by_round(sessions):
    with sessions.begin() as session:
        document = store(session, CONVERSION)
        monthly, first = task_of(document, MONTHLY), task_of(document, FIRST)
        store(session, HEALTH, confirm=False)  # a draft: no one's calendar
    officer, clerk, health = (events(feed(sessions, name)) for name in ("officer", "clerk", "health"))
    assert health == {}
    assert set(officer) < set(clerk) and set(clerk) == set(events(feed(sessions, "viewer")))
    rounds = sorted(uid for uid in officer if uid.startswith(f"task-{monthly.id}-"))
    assert rounds[:3] == [f"task-{monthly.id}-202403{25}@chidao", f"task-{monthly.id}-20240425@chidao",
                          f"task-{monthly.id}-20240525@chidao"]  # fmt: skip
    assert all(officer[uid]["DTSTART"].dt.day == 25 for uid in rounds)
    finance = events(feed(sessions, "finance"))  # coordinates the first task
    assert f"task-{first.id}@chidao" in finance and not any(uid.startswith(f"task-{monthly.id}") for uid in finance)
    with sessions.begin() as session:
        task, clerk_user = session.merge(first), users_of(session)["clerk"]
        done = {"status": "done"}
        update_task(session=session, task=task, user=clerk_user, changes=done, version=None, today=TODAY)
    assert f"task-{first.id}@chidao" not in events(feed(sessions, "officer"))  # nothing left to meet


def test_the_secret_address_is_shown_once_and_can_be_remade_or_ended(sessions):
    with sessions.begin() as session:
        officer = users_of(session)["officer"]
        token = create_feed(session=session, user=officer)
    with sessions.begin() as session:
        assert feed_user(session=session, token=token).username == "officer"
        assert feed_user(session=session, token=token + "x") is None
        remade = create_feed(session=session, user=users_of(session)["officer"])
    with sessions.begin() as session:
        assert remade != token and feed_user(session=session, token=token) is None
        assert feed_user(session=session, token=remade).username == "officer"
        assert revoke_feed(session=session, user=users_of(session)["officer"]) is True
    with sessions.begin() as session:
        assert feed_user(session=session, token=remade) is None
        assert revoke_feed(session=session, user=users_of(session)["officer"]) is False
        clerk = users_of(session)["clerk"]
        kept = create_feed(session=session, user=clerk)
        clerk.is_active = False
    with sessions() as session:
        assert feed_user(session=session, token=kept) is None  # a deactivated user's address is dead


@pytest.mark.parametrize(
    "value",
    [
        "Hạn: " + "Sở Thông tin và Truyền thông chủ trì, phối hợp; báo cáo \\ kết quả\n" * 5,
        "ư" * 200,  # two octets each: a fold never cuts one
        "a" * 74,
        "ệ" * 37 + "x",
    ],
)
def test_lines_are_escaped_and_folded_without_cutting_a_character(value):
    raw = ical.lines(("BEGIN", "VEVENT"), ("UID", "u@chidao"), ("SUMMARY", ical.text(value)), ("END", "VEVENT"))
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every folded piece is whole UTF-8
    event = Event.from_ical(raw)
    assert str(event["SUMMARY"]) == value


def test_a_feed_keeps_the_deadlines_nearest_to_today(sessions, monkeypatch):
    with sessions.begin() as session:
        document = store(session, CONVERSION)
        first, monthly = task_of(document, FIRST), task_of(document, MONTHLY)
    monkeypatch.setattr(calendar_feed, "MAX_EVENTS", 3)
    found = events(feed(sessions, "officer"))
    assert len(found) == 3  # today 1/4/2024: 25/3 (round), 25/4 (round), 30/4 (deadline)
    assert f"task-{first.id}@chidao" in found
    assert {f"task-{monthly.id}-20240325@chidao", f"task-{monthly.id}-20240425@chidao"} <= set(found)
