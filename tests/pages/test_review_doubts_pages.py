"""The review page shows what extraction doubts: the tasks it is least sure of first, with a
"Cần kiểm tra" badge and the reasons, and the passages that assign work but gave no task,
highlighted apart in the text with their reason and a "Tạo nhiệm vụ" button (a plain form post)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from siteclient import CONVERSION, HEALTH, make_settings
from sqlalchemy import func, select

from chidao.settings import Settings
from chidao.store.engine import session_factory
from chidao.store.models import AuditEntry, Task, UnassignedPassage
from chidao.web.pages.review.text import Loose, Passage, highlight

BADGE = "Cần kiểm tra"
TAKEN = "Đoạn này đã được tạo thành nhiệm vụ"
# High enough that some of the conversion notice's tasks fall below it and some do not, whatever
# the exact figures of the confidence model of the day.
THRESHOLD = 0.9


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, review_confidence=THRESHOLD)


@pytest.fixture
def draft(site) -> dict:
    return site.document(CONVERSION, confirm=False)


def review_url(document: dict) -> str:
    return f"/documents/{document['id']}/review"


def card(page: str, anchor: str) -> str:
    """The HTML of the task or passage card ``anchor`` ("task-5", "unassigned-2")."""
    return page.split(f'id="{anchor}"')[1].split("\n</li>")[0]


def listed_tasks(page: str) -> list[int]:
    """Task ids in the order the review page lists them."""
    return [int(i) for i in re.findall(r'<li class="review-task[^"]*" id="task-(\d+)"', page)]


def loose_marks(page: str) -> dict[int, str]:
    return {int(i): html.unescape(t) for i, t in re.findall(r'<mark id="passage-(\d+)"[^>]*>(.*?)</mark>', page, re.S)}


def snapshot(site) -> tuple:
    with session_factory(site.engine)() as session:
        tasks = session.execute(select(Task.id, Task.version, Task.deleted).order_by(Task.id)).all()
        passages = session.execute(select(UnassignedPassage.id, UnassignedPassage.task_id)).all()
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
    return tasks, passages, audit


def test_doubtful_tasks_come_first_with_a_badge_and_their_reasons(site, draft):
    page = site.login("clerk").get(review_url(draft)).text
    doubtful = [t for t in draft["tasks"] if t["confidence"] < THRESHOLD]
    doubtful.sort(key=lambda t: (t["confidence"], t["position"]))
    sure = [t for t in draft["tasks"] if t["confidence"] >= THRESHOLD]
    assert doubtful and sure, "the threshold should split the notice's tasks"
    assert listed_tasks(page) == [t["id"] for t in doubtful] + [t["id"] for t in sure]
    for task in doubtful:
        shown = card(page, f"task-{task['id']}")
        assert f'<span aria-hidden="true">⚠ </span>{BADGE}</span>' in shown  # a sign besides the colour
        assert f"độ tin cậy {round(task['confidence'] * 100)}%" in shown
        assert all(f"<li>{doubt}</li>" in shown for doubt in task["doubts"])
        assert f'aria-describedby="task-{task["id"]}-doubts"' in page
    for task in sure:
        shown = card(page, f"task-{task['id']}")
        assert BADGE not in shown
        assert ("Ghi chú của hệ thống" in shown) == bool(task["doubts"])  # reasons, without the alarm
    assert f"{len(doubtful)} nhiệm vụ cần kiểm tra" in page
    assert "độ tin cậy dưới 90%) được xếp lên đầu, độ tin cậy thấp nhất trước" in page
    numbers = re.findall(r'<h3 id="task-\d+-title">Nhiệm vụ (\d+)</h3>', page)
    assert sorted(map(int, numbers)) == list(range(1, len(draft["tasks"]) + 1))  # numbers follow the text


def test_with_no_task_below_the_threshold_the_text_order_stays(site, draft):
    site.app.state.settings = make_settings(site.settings.data_dir, review_confidence=0.0)
    page = site.login("clerk").get(review_url(draft)).text
    assert listed_tasks(page) == [t["id"] for t in draft["tasks"]]
    assert BADGE not in page and "nhiệm vụ cần kiểm tra" not in page


def test_the_words_saying_how_often_are_shown(site, draft):
    page = site.login("clerk").get(review_url(draft)).text
    (task,) = [t for t in draft["tasks"] if t["recurrence_text"] == "hằng quý"]
    assert f'id="recurrence-{task["id"]}-written">Trong văn bản: “hằng quý”' in card(page, f"task-{task['id']}")


def test_unassigned_passages_are_highlighted_apart_with_their_reason(site, draft):
    page = site.login("clerk").get(review_url(draft)).text
    passages = draft["unassigned"]
    assert loose_marks(page) == {p["id"]: p["text"] for p in passages}
    for number, passage in enumerate(passages, start=1):
        assert f'<a class="loose-ref" href="#unassigned-{passage["id"]}"' in page  # "?" before the passage
        shown = card(page, f"unassigned-{passage['id']}")
        assert f"Đoạn {number}</h4>" in shown and passage["why"] in shown and f"“{passage['verb']}”" in shown
        assert f'href="#passage-{passage["id"]}"' in shown
        action = f'action="/documents/{draft["id"]}/review/unassigned/{passage["id"]}/task"'
        assert action in shown and 'name="csrf_token"' in shown and ">Tạo nhiệm vụ</button>" in shown
    assert 'id="legend"' in page and '<mark class="loose">' in page
    assert f"{len(passages)} đoạn có từ giao việc chưa thành nhiệm vụ" in page


def test_highlights_of_both_kinds_nest_and_stay_escaped():
    text = "Giao <b>các bộ phận</b> & xét. Sở Y tế chủ trì."
    shown = str(highlight(text, [Passage(1, 1, 31, 47), Loose(9, 0, 30, "không tìm thấy cơ quan")]))
    assert shown.index('id="passage-9"') < shown.index('id="src-1"')
    assert 'aria-label="Đoạn chưa thành nhiệm vụ (không tìm thấy cơ quan): đến nút Tạo nhiệm vụ">?</a>' in shown
    assert "&lt;b&gt;các bộ phận&lt;/b&gt; &amp; xét." in shown and "<b>" not in shown
    assert html.unescape(re.sub(r"<a [^>]*>[^<]*</a>|<[^>]+>", "", shown)) == text  # nothing lost or added
    inside = str(highlight("abcdefgh", [Passage(1, 1, 0, 8), Loose(2, 2, 5, "x")]))
    assert inside.count("<mark") == inside.count("</mark>") == 2


def test_tao_nhiem_vu_makes_the_passage_a_draft_task(site, draft):
    passage = draft["unassigned"][-1]
    browser = site.login("clerk")
    browser.get(review_url(draft))
    response = browser.post(f"{review_url(draft)}/unassigned/{passage['id']}/task")
    assert response.status_code == 303
    location = response.headers["location"]
    assert "Đã tạo nhiệm vụ từ đoạn văn bản" in unquote(location)
    task_id = int(location.rsplit("#task-", 1)[1])
    task = site.api("GET", f"/tasks/{task_id}").json()
    assert task["origin"] == "passage" and task["text"] == passage["text"] and task["lead"] == []
    assert (task["span_start"], task["span_end"]) == (passage["span_start"], passage["span_end"])
    page = browser.get(location).text
    assert "Đã tạo nhiệm vụ từ đoạn văn bản" in page
    shown = card(page, f"task-{task_id}")
    assert "Tạo từ đoạn chưa thành nhiệm vụ" in shown and f">{html.escape(passage['text'])}</textarea>" in shown
    assert f'id="unassigned-{passage["id"]}"' not in page and passage["id"] not in loose_marks(page)
    assert (
        html.unescape(re.search(rf'<mark id="src-{task_id}"[^>]*>(.*?)</mark>', page, re.S).group(1))
        == (passage["text"])
    )
    with session_factory(site.engine)() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.entity == "passage"))
        assert entry.action == "take" and entry.user_id == site.user_ids["clerk"]


def test_wrong_requests_are_explained_and_change_nothing(site, draft):
    passage = draft["unassigned"][0]
    health = site.document(HEALTH, confirm=False)
    browser = site.login("clerk")
    browser.get(review_url(draft))
    take = f"{review_url(draft)}/unassigned/{passage['id']}/task"
    assert browser.post(take).status_code == 303
    before = snapshot(site)
    again = browser.post(take)
    assert again.status_code == 409 and TAKEN in again.text
    task_id = site.api("GET", f"/documents/{draft['id']}/unassigned", params={"include_taken": True}).json()[0]
    assert f'<a href="#task-{task_id["task_id"]}">Đến nhiệm vụ đó</a>' in again.text
    elsewhere = browser.post(f"{review_url(draft)}/unassigned/{health['unassigned'][0]['id']}/task")
    assert elsewhere.status_code == 404 and "Không tìm thấy" in elsewhere.text
    assert browser.post(f"{review_url(draft)}/unassigned/99999/task").status_code == 404
    forged = browser.post(f"{review_url(health)}/unassigned/{health['unassigned'][0]['id']}/task", {"csrf_token": "x"})
    assert forged.status_code == 403
    for who, code in (("viewer", 404), ("officer", 404)):  # a draft is the office's alone
        other = site.login(who)
        other.get("/")
        assert other.post(f"{review_url(health)}/unassigned/{health['unassigned'][0]['id']}/task").status_code == code
    assert snapshot(site) == before
    site.api("POST", f"/documents/{health['id']}/confirm")
    late = browser.post(f"{review_url(health)}/unassigned/{health['unassigned'][0]['id']}/task")
    assert late.status_code == 409 and "đã được xác nhận" in late.text


def test_a_confirmed_document_shows_doubts_and_passages_without_buttons(site):
    document = site.document(CONVERSION, confirm=True)
    page = site.login("clerk").get(review_url(document)).text
    assert "chỉ để xem" in page and BADGE in page
    assert len(loose_marks(page)) == len(document["unassigned"]) and ">Tạo nhiệm vụ</button>" not in page
    assert "Nếu đoạn nào thực sự giao việc" not in page
