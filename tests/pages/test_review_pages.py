"""The review page: the text with each task's passage highlighted beside the task forms, and
every correction (save, split, merge, delete, add, confirm) as a plain form post that changes
the store through the tracking operations, is audited, and is refused in Vietnamese when wrong."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import pytest
from siteclient import CONVERSION, EXAMPLES, HEALTH
from sqlalchemy import func, select

from chidao.store.engine import session_factory
from chidao.store.models import Agency, AuditEntry, Document, Task
from chidao.web.pages.review.text import Passage, highlight

TTTT = "Sở Thông tin và Truyền thông"
STALE = "đã được người khác thay đổi"


@pytest.fixture
def draft(site) -> dict:
    return site.document(CONVERSION, confirm=False)


def task_starting(document: dict, start: str) -> dict:
    (found,) = [t for t in document["tasks"] if t["text"].startswith(start)]
    return found


def fresh(site, task_id: int) -> dict:
    """The task as stored now, with its history (through the API, as the office sees it)."""
    response = site.api("GET", f"/tasks/{task_id}")
    assert response.status_code == 200, response.text
    return response.json()


def tasks_of(site, document_id: int) -> list[dict]:
    return site.api("GET", f"/documents/{document_id}").json()["tasks"]


def form_of(task: dict, **changes: str) -> dict:
    """The task form as the review page fills it, with ``changes`` typed over it."""
    form = {
        "text": task["text"],
        "lead": "\n".join(task["lead"]),
        "coordinators": "\n".join(task["coordinators"]),
        "deadline": task["deadline"] or "",
        "recurrence": task["recurrence"] or "",
        "version": str(task["version"]),
    }
    return {**form, **changes}


def review_url(document: dict) -> str:
    return f"/documents/{document['id']}/review"


def reviewer(site, document: dict, who: str = "clerk"):
    """A browser of ``who`` that has the document's review page open (and its CSRF token)."""
    browser = site.login(who)
    page = browser.get(review_url(document))
    assert page.status_code == 200, page.text
    return browser


def marks(page: str) -> dict[int, str]:
    """Highlighted passages by task id: the HTML inside each ``<mark id="src-N">``."""
    return {int(i): inner for i, inner in re.findall(r'<mark id="src-(\d+)"[^>]*>(.*?)</mark>', page, re.S)}


def snapshot(site) -> list[tuple]:
    """Everything a refused request must leave as it was: tasks, documents, the audit log."""
    with session_factory(site.engine)() as session:
        tasks = session.execute(select(Task.id, Task.version, Task.deleted, Task.text).order_by(Task.id)).all()
        documents = session.execute(select(Document.id, Document.status).order_by(Document.id)).all()
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        agencies = session.scalar(select(func.count()).select_from(Agency))
        return [*tasks, *documents, audit, agencies]


def message_of(response) -> str:
    """The flash message a redirect carries."""
    found = re.search(r"[?&]msg=([^#&]*)", response.headers["location"])
    assert found, response.headers["location"]
    return unquote(found.group(1))


# Reading


def test_each_task_passage_is_highlighted_with_exactly_its_text(site, draft):
    browser = site.login("clerk")
    page = browser.get(review_url(draft))
    assert page.status_code == 200
    found = marks(page.text)
    assert set(found) == {t["id"] for t in draft["tasks"]}
    for task in draft["tasks"]:
        assert html.unescape(found[task["id"]]) == task["text"]
        assert f'id="task-{task["id"]}"' in page.text
        assert f'href="#src-{task["id"]}"' in page.text  # from the task to its passage
        assert f'href="#task-{task["id"]}"' in page.text  # and back
    assert "TT&amp;TT, TC, KH&amp;ĐT" in page.text  # the text itself is escaped
    assert '<link rel="stylesheet" href="/static/review.css">' in page.text
    assert '<script src="/static/review.js" defer></script>' in page.text
    assert '<datalist id="agency-names">' in page.text and '<option value="Sở Tài chính">' in page.text
    assert '<option value="quarterly">Hằng quý</option>' in page.text
    assert 'href="/documents" aria-current="page"' in page.text
    assert "Giữ nguyên đề xuất" in page.text and "(đã sửa)" not in page.text


def test_nothing_in_the_text_is_trusted_as_html(site):
    content = (EXAMPLES / HEALTH).read_text(encoding="utf-8")
    content = content.replace("tổ chức vệ sinh môi trường", "<b>tổ chức</b> vệ sinh môi trường & <i>")
    content = content.replace("V/v tăng cường", "V/v <script>alert(1)</script> tăng cường")
    response = site.api("POST", "/documents?wait=60", files={"file": ("tieu-de.txt", content.encode())})
    assert response.status_code == 201, response.text
    document = response.json()
    task = task_starting(document, "Sở Giáo dục và Đào tạo")
    assert "<b>tổ chức</b>" in task["text"]
    page = site.login("clerk").get(review_url(document)).text
    inner = marks(page)[task["id"]]
    assert "&lt;b&gt;tổ chức&lt;/b&gt; vệ sinh môi trường &amp; &lt;i&gt;" in inner
    assert html.unescape(inner) == task["text"]
    assert "<script>alert(1)</script>" not in page and "<b>tổ chức</b>" not in page and "<i>" not in page
    assert "&lt;b&gt;tổ chức&lt;/b&gt;" in page.split(f'id="text-{task["id"]}"')[1]  # in the textarea too


def test_passages_nest_and_never_cross():
    text = "abcdefghij"
    nested = highlight(text, [Passage(1, 1, 0, 8), Passage(2, 2, 2, 4)])
    assert re.sub(r"<a [^>]*>\d</a>", "", str(nested)).count("<mark") == 2
    assert str(nested).endswith("ij")
    crossing = str(highlight(text, [Passage(1, 1, 0, 5), Passage(2, 2, 3, 8), Passage(3, 3, 9, 99)]))
    assert crossing.index("</mark>") > crossing.index('id="src-2"')  # the second is cut at the first's end
    assert crossing.count("<mark") == crossing.count("</mark>") == 2  # the third lies outside the text
    assert re.sub(r"<a [^>]*>\d+</a>|<[^>]+>", "", crossing) == text
    assert str(highlight("<&>", [Passage(7, 1, 0, 3)])).endswith('tabindex="-1">&lt;&amp;&gt;</mark>')


def test_a_confirmed_document_is_shown_read_only(site):
    document = site.document(HEALTH, confirm=True)
    page = site.login("clerk").get(review_url(document))
    assert page.status_code == 200
    assert "chỉ để xem" in page.text and 'id="task-form-' not in page.text and "<datalist" not in page.text
    assert len(marks(page.text)) == 3


# Saving a task


def test_save_corrects_a_task_audits_it_and_shows_what_differs_from_the_proposal(site, draft):
    task = task_starting(draft, "Giao Sở Nội vụ chủ trì")
    browser = reviewer(site, draft)
    form = form_of(task, deadline="2024-06-15", coordinators_add="Sở Tài chính")
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form)
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"#task-{task['id']}")
    assert response.headers["location"].startswith(f"{review_url(draft)}?msg=")
    assert message_of(response) == "Đã lưu nhiệm vụ."
    after = fresh(site, task["id"])
    assert after["deadline"] == "2024-06-15"
    assert after["coordinators"] == [TTTT, "Sở Tài chính"]
    assert after["version"] > task["version"]
    (edit,) = after["history"]
    assert edit["action"] == "review_edit" and edit["user_id"] == site.user_ids["clerk"]
    assert edit["after"]["differs_from_proposed"] == ["coordinators", "deadline"]
    page = browser.get(response.headers["location"]).text
    assert "Đã lưu nhiệm vụ." in page
    card = page.split(f'id="task-{task["id"]}"')[1].split("\n</li>")[0]
    assert "Đã sửa: cơ quan phối hợp, thời hạn" in card
    assert '<span class="proposed-label">Đề xuất ban đầu:</span> 31/05/2024' in card
    assert f'<span class="proposed-label">Đề xuất ban đầu:</span> {TTTT}' in card
    assert "1 nhiệm vụ đã sửa so với đề xuất" in page


def test_saving_an_untouched_form_changes_nothing(site, draft):
    task = task_starting(draft, "Chủ trì, phối hợp với Sở Tài chính")
    browser = reviewer(site, draft)
    before = snapshot(site)
    form = form_of(task, coordinators="\r\n".join(task["coordinators"]), text=task["text"] + "\r\n")
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form)
    assert response.status_code == 303
    assert message_of(response) == "Không có thay đổi nào để lưu."
    assert snapshot(site) == before


def test_agency_names_may_be_comma_separated_and_picked_from_the_list(site, draft):
    task = task_starting(draft, "Sở Tài chính, Sở Kế hoạch")
    browser = reviewer(site, draft)
    form = form_of(task, lead="Ủy ban nhân dân các huyện, thành phố, sở y tế", lead_add="Sở Tài chính")
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form)
    assert response.status_code == 303 and message_of(response) == "Đã lưu nhiệm vụ."
    assert fresh(site, task["id"])["lead"] == ["Ủy ban nhân dân các huyện, thành phố", "Sở Y tế", "Sở Tài chính"]


def test_an_unknown_agency_becomes_a_new_one_and_the_clerk_is_told(site, draft):
    task = task_starting(draft, "Chỉ đạo các xã")
    browser = reviewer(site, draft)
    form = form_of(task, coordinators="Ban Chỉ đạo chuyển đổi số tỉnh")
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form)
    assert message_of(response) == "Đã lưu nhiệm vụ. Đã thêm cơ quan mới vào danh mục: Ban Chỉ đạo chuyển đổi số tỉnh."
    assert fresh(site, task["id"])["coordinators"] == ["Ban Chỉ đạo chuyển đổi số tỉnh"]


def test_a_stale_version_answers_409_and_saves_nothing(site, draft):
    task = task_starting(draft, "Giao Công an tỉnh")
    browser = reviewer(site, draft)
    other = site.api("PATCH", f"/tasks/{task['id']}", json={"version": task["version"], "text": "Sửa bởi người khác"})
    assert other.status_code == 200
    before = snapshot(site)
    form = form_of(task, text="Bản sửa của tôi", deadline="2024-12-31")
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form)
    assert response.status_code == 409
    assert STALE in response.text and "Chưa có gì được lưu" in response.text
    assert snapshot(site) == before
    assert fresh(site, task["id"])["text"] == "Sửa bởi người khác"
    card = response.text.split(f'id="task-{task["id"]}"')[1].split("\n</li>")[0]
    assert "Nội dung bạn vừa nhập (chưa được lưu)" in card and "Bản sửa của tôi" in card
    assert f'name="version" value="{other.json()["version"]}"' in card  # the form now holds the fresh data
    assert ">Sửa bởi người khác</textarea>" in card
    stale_delete = browser.post(f"{review_url(draft)}/tasks/{task['id']}/delete", {"version": str(task["version"])})
    assert stale_delete.status_code == 409 and STALE in stale_delete.text
    assert snapshot(site) == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": "   "}, "Nội dung nhiệm vụ không được để trống"),
        ({"deadline": "31/02/2024"}, "Thời hạn không hợp lệ"),
        ({"deadline": "ngày mai"}, "Thời hạn không hợp lệ"),
        ({"recurrence": "sometimes"}, "Chu kỳ lặp lại không hợp lệ"),
        ({"version": "abc"}, "Thiếu số phiên bản"),
        ({"lead": "x" * 301}, "Danh sách cơ quan chủ trì không hợp lệ"),
    ],
)
def test_invalid_input_is_refused_in_vietnamese_and_kept_in_the_form(site, draft, changes, message):
    task = task_starting(draft, "Phối hợp với Công an tỉnh")
    browser = reviewer(site, draft)
    before = snapshot(site)
    form = form_of(task, coordinators="Công an tỉnh\nSở Nội vụ", **changes)
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form)
    assert response.status_code == 422
    assert message in response.text
    card = response.text.split(f'id="task-{task["id"]}"')[1].split("\n</li>")[0]
    assert 'role="alert"' in card and message in card
    assert "Công an tỉnh\nSở Nội vụ</textarea>" in card  # what was typed is not lost
    assert snapshot(site) == before


def test_dates_typed_as_dd_mm_yyyy_are_understood(site, draft):
    task = task_starting(draft, "Phối hợp với Công an tỉnh")
    browser = reviewer(site, draft)
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form_of(task, deadline="5/7/2024"))
    assert response.status_code == 303
    assert fresh(site, task["id"])["deadline"] == "2024-07-05"


# Delete, split, merge, add


def test_delete_removes_the_task_softly_and_returns_to_the_next_one(site, draft):
    ids = [t["id"] for t in draft["tasks"]]
    task = draft["tasks"][3]
    browser = reviewer(site, draft)
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}/delete", {"version": str(task["version"])})
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"#task-{ids[4]}")
    assert message_of(response) == "Đã xóa nhiệm vụ."
    gone = fresh(site, task["id"])
    assert gone["deleted"] is True and [h["action"] for h in gone["history"]] == ["delete"]
    page = browser.get(review_url(draft)).text
    assert f'id="task-{task["id"]}"' not in page and f'id="src-{task["id"]}"' not in page
    assert 'data-confirm="Xóa nhiệm vụ' in page
    again = browser.post(f"{review_url(draft)}/tasks/{task['id']}/delete", {"version": str(gone["version"])})
    assert again.status_code == 409


def test_split_replaces_a_task_by_the_two_parts_typed(site, draft):
    task = task_starting(draft, "Văn phòng UBND tỉnh theo dõi")
    browser = site.login("clerk")
    page = browser.get(review_url(draft)).text
    assert ">Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện</textarea>" in page  # a suggested cut
    assert ">định kỳ hằng quý tổng hợp, báo cáo Chủ tịch UBND tỉnh.</textarea>" in page
    parts = ["Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện", "Định kỳ hằng quý tổng hợp, báo cáo"]
    response = browser.post(
        f"{review_url(draft)}/tasks/{task['id']}/split", {"part": parts, "version": str(task["version"])}
    )
    assert response.status_code == 303 and message_of(response) == "Đã tách nhiệm vụ thành 2 nhiệm vụ."
    now = tasks_of(site, draft["id"])
    new = [t for t in now if t["origin"] == "split"]
    assert [t["text"] for t in new] == parts
    assert all(t["lead"] == task["lead"] and t["recurrence"] == "quarterly" for t in new)
    assert response.headers["location"].endswith(f"#task-{new[0]['id']}")
    assert task["id"] not in [t["id"] for t in now]
    (split,) = fresh(site, task["id"])["history"]
    assert split["action"] == "split" and split["after"]["into"] == [t["id"] for t in new]
    assert split["before"]["proposed"]["text"] == task["text"]
    page = browser.get(review_url(draft)).text
    assert "Không gắn với đoạn nào trong văn bản" in page  # the parts have no passage of their own


def test_merge_joins_the_ticked_tasks(site, draft):
    first = task_starting(draft, "Chỉ đạo các xã")
    second = task_starting(draft, "Phối hợp với các doanh nghiệp")
    browser = reviewer(site, draft)
    response = browser.post(f"{review_url(draft)}/merge", {"task_ids": [str(first["id"]), str(second["id"])]})
    assert response.status_code == 303 and message_of(response) == "Đã gộp 2 nhiệm vụ thành một."
    merged = next(t for t in tasks_of(site, draft["id"]) if t["origin"] == "merged")
    assert response.headers["location"].endswith(f"#task-{merged['id']}")
    assert merged["text"] == first["text"] + "\n" + second["text"]
    assert merged["deadline"] == "2024-09-30"
    for source in (first, second):
        history = fresh(site, source["id"])["history"]
        assert [h["action"] for h in history] == ["merge"] and history[0]["after"]["merged_into"] == merged["id"]
    page = browser.get(review_url(draft)).text
    inner = html.unescape(marks(page)[merged["id"]])
    assert inner.startswith(first["text"]) and inner.endswith(second["text"])  # one passage over both


def test_add_creates_a_task_extraction_missed(site, draft):
    browser = reviewer(site, draft)
    form = {
        "text": "Sở Thông tin và Truyền thông tổ chức tập huấn chuyển đổi số cho cán bộ cấp xã",
        "lead": "",
        "lead_add": TTTT,
        "coordinators": "Sở Nội vụ",
        "deadline": "31/08/2024",
        "recurrence": "",
    }
    response = browser.post(f"{review_url(draft)}/add", form)
    assert response.status_code == 303 and message_of(response) == "Đã thêm nhiệm vụ."
    added = tasks_of(site, draft["id"])[-1]
    assert response.headers["location"].endswith(f"#task-{added['id']}")
    assert added["origin"] == "added" and added["tracked"] is False
    assert added["text"] == form["text"] and added["lead"] == [TTTT] and added["coordinators"] == ["Sở Nội vụ"]
    assert added["deadline"] == "2024-08-31"
    assert [h["action"] for h in fresh(site, added["id"])["history"]] == ["add"]


def test_wrong_review_requests_are_explained_and_change_nothing(site, draft):
    browser = reviewer(site, draft)
    before = snapshot(site)
    one = browser.post(f"{review_url(draft)}/merge", {"task_ids": [str(draft["tasks"][0]["id"])]})
    assert one.status_code == 422 and "Hãy chọn ít nhất hai nhiệm vụ để gộp." in one.text
    assert 'id="merge-error"' in one.text
    health = site.document(HEALTH, confirm=False)
    before = snapshot(site)
    across = [str(draft["tasks"][0]["id"]), str(health["tasks"][0]["id"])]
    mixed = browser.post(f"{review_url(draft)}/merge", {"task_ids": across})
    assert mixed.status_code == 422 and "Chỉ gộp được các nhiệm vụ của chính văn bản này." in mixed.text
    task = draft["tasks"][0]
    split = browser.post(f"{review_url(draft)}/tasks/{task['id']}/split", {"part": ["chỉ một phần", " "]})
    assert split.status_code == 422 and "Cần ít nhất hai phần có nội dung để tách nhiệm vụ." in split.text
    assert f'id="split-{task["id"]}" open' in split.text and ">chỉ một phần</textarea>" in split.text
    empty = browser.post(f"{review_url(draft)}/add", {"text": " ", "lead": "Sở Y tế"})
    assert empty.status_code == 422 and 'id="add-error"' in empty.text
    assert re.search(r'id="add-lead" name="lead"[^>]*>Sở Y tế</textarea>', empty.text)  # what was typed stays
    other_document = browser.post(f"{review_url(draft)}/tasks/{health['tasks'][0]['id']}", form_of(task))
    assert other_document.status_code == 404 and "Không tìm thấy" in other_document.text
    assert browser.post("/documents/99999/review/add", {"text": "x"}).status_code == 404
    assert browser.get("/documents/99999/review").status_code == 404
    assert snapshot(site) == before


# Confirm


def test_confirm_tracks_the_tasks_and_ends_the_review(site, draft):
    browser = reviewer(site, draft)
    deleted = draft["tasks"][0]
    assert browser.post(f"{review_url(draft)}/tasks/{deleted['id']}/delete", {"version": ""}).status_code == 422
    browser.post(f"{review_url(draft)}/tasks/{deleted['id']}/delete", {"version": str(deleted["version"])})
    response = browser.post(f"{review_url(draft)}/confirm")
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/documents/{draft['id']}?msg=")
    assert message_of(response) == "Đã xác nhận văn bản: 8 nhiệm vụ bắt đầu được theo dõi."
    document = site.api("GET", f"/documents/{draft['id']}").json()
    assert document["status"] == "confirmed"
    assert all(t["tracked"] for t in document["tasks"]) and len(document["tasks"]) == 8
    with session_factory(site.engine)() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "document", AuditEntry.entity_id == draft["id"])
        )
        assert list(actions) == ["ingest", "confirm"]
    page = browser.get(review_url(draft))
    assert page.status_code == 200 and "chỉ để xem" in page.text
    before = snapshot(site)
    task = draft["tasks"][1]
    late = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form_of(task, text="Quá muộn"))
    assert late.status_code == 409 and "đã được xác nhận" in late.text
    assert browser.post(f"{review_url(draft)}/confirm").status_code == 409
    assert snapshot(site) == before


# Who may


def test_every_form_needs_the_csrf_token(site, draft):
    task = draft["tasks"][0]
    browser = reviewer(site, draft)
    before = snapshot(site)
    base = review_url(draft)
    posts = [
        (f"{base}/tasks/{task['id']}", form_of(task, text="Giả mạo")),
        (f"{base}/tasks/{task['id']}/delete", {"version": str(task["version"])}),
        (f"{base}/tasks/{task['id']}/split", {"part": ["a", "b"]}),
        (f"{base}/merge", {"task_ids": [str(t["id"]) for t in draft["tasks"][:2]]}),
        (f"{base}/add", {"text": "Giả mạo"}),
        (f"{base}/confirm", {}),
    ]
    for path, form in posts:
        for token in ("", "forged"):
            response = browser.post(path, {**form, "csrf_token": token})
            assert response.status_code == 403, path
            assert "CSRF" in response.text
    assert snapshot(site) == before


def _all_posts(draft: dict) -> list[tuple[str, dict]]:
    task = draft["tasks"][0]
    base = review_url(draft)
    return [
        (f"{base}/tasks/{task['id']}", form_of(task, text="Không được phép")),
        (f"{base}/tasks/{task['id']}/delete", {"version": str(task["version"])}),
        (f"{base}/tasks/{task['id']}/split", {"part": ["a", "b"], "version": str(task["version"])}),
        (f"{base}/merge", {"task_ids": [str(t["id"]) for t in draft["tasks"][:2]]}),
        (f"{base}/add", {"text": "Không được phép"}),
        (f"{base}/confirm", {}),
    ]


def test_a_viewer_neither_sees_drafts_nor_reviews(site, draft):
    browser = site.login("viewer")
    page = browser.get(review_url(draft))
    assert page.status_code == 404 and "Không tìm thấy" in page.text  # a draft is the office's alone
    assert site.api("GET", f"/documents/{draft['id']}", who="viewer").status_code == 404
    before = snapshot(site)
    for path, form in _all_posts(draft):
        assert browser.post(path, form).status_code == 404, path
    assert snapshot(site) == before
    assert site.api("POST", f"/documents/{draft['id']}/confirm").status_code == 200
    confirmed = browser.get(review_url(draft))
    assert confirmed.status_code == 403 and "Không có quyền truy cập" in confirmed.text
    for path, form in _all_posts(draft):
        assert browser.post(path, form).status_code == 403, path


def test_an_agency_officer_does_not_see_drafts_nor_reviews_confirmed_documents(site, draft):
    browser = site.login("officer")
    page = browser.get(review_url(draft))
    assert page.status_code == 404 and "Không tìm thấy" in page.text  # a draft is invisible to agencies
    assert site.api("GET", f"/documents/{draft['id']}", who="officer").status_code == 404
    before = snapshot(site)
    for path, form in _all_posts(draft):
        assert browser.post(path, form).status_code == 404, path
    assert snapshot(site) == before
    assert site.api("POST", f"/documents/{draft['id']}/confirm").status_code == 200
    confirmed = browser.get(review_url(draft))
    assert confirmed.status_code == 403  # their agency's document, but reviewing is the office's
    before = snapshot(site)
    for path, form in _all_posts(draft):
        assert browser.post(path, form).status_code in (403, 409), path
    assert snapshot(site) == before


def test_admins_review_too(site, draft):
    task = draft["tasks"][0]
    browser = reviewer(site, draft, who="admin")
    response = browser.post(f"{review_url(draft)}/tasks/{task['id']}", form_of(task, recurrence="monthly"))
    assert response.status_code == 303
    after = fresh(site, task["id"])
    assert after["recurrence"] == "monthly" and after["history"][0]["user_id"] == site.user_ids["admin"]
