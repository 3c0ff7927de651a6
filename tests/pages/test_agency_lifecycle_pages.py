"""The split and dissolution pages (admins only, CSRF checked): the split preview preselects each
task's suggested successor, the apply moves the tasks as chosen (one overridden), a second apply
is refused in Vietnamese; the dissolution refuses undecided tasks, keeping the choices made, then
gives away and closes as decided."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.engine import session_factory
from chidao.store.models import Agency, Task, User
from support.split import CULTURE, DATA, DIGITAL, OLD, PRESS, SCIENCE, store_notice, task

REF = "Quyết định 15/QĐ-UBND"


@pytest.fixture
def stored(site):
    site.today = date(2025, 3, 10)
    with session_factory(site.engine).begin() as session:
        store_notice(session)
        ids = {name: session.scalar(select(Agency.id).where(Agency.name == name)) for name in (OLD, SCIENCE, CULTURE)}
        tasks = {start: task(session, start).id for start in (DIGITAL, PRESS, DATA)}
    return ids, tasks


def _selected(html: str, task_id: int) -> str:
    select_ = re.search(rf'<select id="task-{task_id}".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="(\d+)" selected>', select_).group(1)


def test_the_split_preview_preselects_suggestions_and_the_apply_moves_as_chosen(site, stored):
    ids, tasks = stored
    admin = site.login("admin")
    form = admin.get(f"/admin/agencies/{ids[OLD]}")
    assert f'href="/admin/agencies/{ids[OLD]}/split"' in form.text
    query = urlencode([("into", "Sở KH&CN"), ("into", "Sở VHTTDL"), ("into", ""), ("on", "01/03/2025"), ("ref", REF)])
    preview = admin.get(f"/admin/agencies/{ids[OLD]}/split?{query}")
    assert preview.status_code == 200 and 'id="split-preview"' in preview.text
    assert _selected(preview.text, tasks[DIGITAL]) == str(ids[SCIENCE])
    assert _selected(preview.text, tasks[PRESS]) == str(ids[CULTURE])
    assert "Gợi ý theo: báo chí, xuất bản" in preview.text and "data-datepicker" in preview.text
    data = {
        "successor_id": [str(ids[SCIENCE]), str(ids[CULTURE])],
        "on": "01/03/2025",
        "ref": REF,
        f"task_{tasks[DATA]}": str(ids[CULTURE]),
        "officers_to": str(ids[CULTURE]),
    }
    assert site.login("clerk").post(f"/admin/agencies/{ids[OLD]}/split", data).status_code == 403
    forged = admin.client.post(f"/admin/agencies/{ids[OLD]}/split", data={**data, "csrf_token": "x"})
    assert forged.status_code == 403
    done = admin.post(f"/admin/agencies/{ids[OLD]}/split", data)
    assert done.status_code == 303 and "Đã chia tách" in admin.get(done.headers["location"]).text
    with Session(site.engine) as session:
        leads = {s: [a.agency.name for a in task(session, s).assignments if a.role == "lead"] for s in tasks}
        assert leads == {DIGITAL: [SCIENCE], PRESS: [CULTURE], DATA: [CULTURE]}
        assert session.get(User, site.user_ids["officer"]).agency_id == ids[CULTURE]
    history = admin.get(f"/tasks/{tasks[PRESS]}").text
    assert "Chuyển cơ quan (sắp xếp tổ chức)" in history and f"chuyển từ {OLD} sang {CULTURE} theo {REF}" in history
    again = admin.post(f"/admin/agencies/{ids[OLD]}/split", data)
    assert again.status_code == 422 and "đã kết thúc hoạt động" in again.text


@pytest.mark.parametrize(
    ("into", "on", "message"),
    [
        (["Sở KH&CN", "Sở KH&CN"], "01/03/2025", "ít nhất hai cơ quan kế thừa khác nhau"),
        (["Sở KH&CN", "Sở Không Có"], "01/03/2025", "Không tìm thấy cơ quan «Sở Không Có»"),
        (["Sở KH&CN", "Sở VHTTDL"], "31/02/2025", "ngày/tháng/năm"),
        (["Sở KH&CN", "Sở VHTTDL"], "01/04/2025", "sau hôm nay"),
    ],
)
def test_a_split_preview_that_makes_no_sense_says_why(site, stored, into, on, message):
    ids, _ = stored
    query = urlencode([*(("into", name) for name in into), ("on", on), ("ref", REF)])
    answer = site.login("admin").get(f"/admin/agencies/{ids[OLD]}/split?{query}")
    assert answer.status_code == 422 and message in answer.text and 'id="split-preview"' not in answer.text


def test_a_dissolution_needs_a_decision_per_task_then_gives_away_and_closes(site, stored):
    ids, tasks = stored
    admin = site.login("admin")
    preview = admin.get(f"/admin/agencies/{ids[OLD]}/dissolve?on=01/03/2025&ref=QĐ 20")
    assert preview.status_code == 200 and preview.text.count('name="action_') == 4
    partial = {
        "on": "01/03/2025",
        "ref": "QĐ 20",
        f"action_{tasks[DIGITAL]}": "give",
        f"to_{tasks[DIGITAL]}": "Sở KH&CN",
    }
    refused = admin.post(f"/admin/agencies/{ids[OLD]}/dissolve", partial)
    assert refused.status_code == 422 and "chưa được quyết định" in refused.text
    assert 'value="Sở KH&amp;CN"' in refused.text  # the choice made is kept
    with Session(site.engine) as session:
        assert session.get(Agency, ids[OLD]).ended_on is None  # nothing half-written
        open_ids = [t.id for t in session.scalars(select(Task).where(Task.status != "done"))]
    decided = {**partial, **{f"action_{i}": "close" for i in open_ids if i != tasks[DIGITAL]}}
    done = admin.post(f"/admin/agencies/{ids[OLD]}/dissolve", decided)
    assert done.status_code == 303 and "Đã giải thể" in admin.get(done.headers["location"]).text
    with Session(site.engine) as session:
        assert [a.agency.name for a in task(session, DIGITAL).assignments if a.role == "lead"] == [SCIENCE]
        assert task(session, PRESS).status == "cancelled" and session.get(Agency, ids[OLD]).ended_on == date(2025, 3, 1)
        assert not session.get(User, site.user_ids["officer"]).is_active
    page = admin.get(f"/admin/agencies/{ids[OLD]}")
    assert 'id="split-link"' not in page.text and "Đã giải thể từ 01/03/2025 theo QĐ 20" in page.text


def test_the_agency_list_shows_each_body_s_kind(site):
    page = site.login("admin").get("/admin/agencies?q=bo tai chinh")
    row = re.search(r'<tr id="agency-\d+">.*?Bộ Tài chính.*?</tr>', page.text, re.S).group(0)
    assert '<td data-label="Loại">Bộ</td>' in row


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("split", {"successor_id": ["abc", "99999999999"], "on": "x", "ref": ""}),
        ("split", {"successor_id": ["1", "2"], "on": "01/03/2025", "ref": "x" * 5000, "task_abc": "1"}),
        ("split", {"successor_id": ["2", "3"], "on": "01/03/2025", "ref": "QĐ", "officers_to": "999999"}),
        ("dissolve", {"on": "01/03/2025", "ref": "QĐ", "action_1": "give", "to_1": ""}),
        ("dissolve", {"on": "", "ref": ""}),
    ],
)
def test_garbage_posts_answer_a_page_never_a_500(site, stored, path, data):
    ids, _ = stored
    admin = site.login("admin")
    admin.get(f"/admin/agencies/{ids[OLD]}")
    answer = admin.post(f"/admin/agencies/{ids[OLD]}/{path}", data)
    assert 400 <= answer.status_code < 500
    with Session(site.engine) as session:
        assert session.get(Agency, ids[OLD]).ended_on is None
