"""The task page: what it shows, and its forms (progress, completion, extensions, status) with
CSRF, optimistic locking, Post/Redirect/Get and Vietnamese messages on every refusal."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote

import pytest
from pagekit import PLAN, conversion, main, post_forms, snapshot, task_id, task_version, version_of, words
from siteclient import HEALTH, MAX_UPLOAD

from chidao.web.pages.history import show_value
from chidao.web.pages.tasks.view import passage

STALE = "Nhiệm vụ đã được người khác thay đổi"


@pytest.fixture
def notice(site):
    """The conversion notice, confirmed."""
    return conversion(site)[0]


@pytest.fixture
def plan(notice):
    """The conversion notice's first task: lead Sở TT&TT (officer), coordinators Sở Tài chính
    (finance) and Sở KH&ĐT, due 30/4/2024; today is 1/4/2024."""
    return task_id(notice, PLAN)


def follow(browser, response):
    """The page a Post/Redirect/Get lands on."""
    assert response.status_code == 303, response.text[:2000]
    return browser.get(response.headers["location"])


def test_the_page_shows_the_task_its_passage_and_its_document(site, plan):
    page = site.login("viewer").get(f"/tasks/{plan}")
    assert page.status_code == 200
    text = words(page.text)
    assert "Sở Thông tin và Truyền thông" in text and "Sở Tài chính, Sở Kế hoạch và Đầu tư" in text
    assert "30/04/2024" in text and "Mới giao" in text and "Chưa đến hạn" in text and "0%" in text
    assert "2024-04-30" not in text
    marked = main(page.text).split("<mark>")[1].split("</mark>")[0]
    assert marked.startswith(PLAN)
    assert "Sở Thông tin và Truyền thông:" in main(page.text).split("<mark>")[0]  # context before the passage
    assert 'href="/documents/1"' in page.text and "125/TB-UBND" in text and "15/03/2024" in text


def test_the_passage_is_cut_at_spaces_with_context_on_both_sides():
    text = "mở đầu " * 100 + "NHIỆM VỤ" + " kết thúc" * 100
    start = text.index("NHIỆM VỤ")
    found = passage(text, start, start + len("NHIỆM VỤ"))
    assert found.marked == "NHIỆM VỤ" and found.cut_before and found.cut_after
    assert found.before.split()[0] in ("mở", "đầu") and found.after.split()[-1] in ("kết", "thúc")  # whole words
    assert not found.before[0].isspace() and not found.after[-1].isspace()
    assert passage(text, None, 5) is None and passage(text, 10, 5) is None


def test_the_lead_officer_reports_progress_with_a_file(site, plan):
    officer = site.login("officer")
    version = task_version(officer, plan)
    response = officer.post(
        f"/tasks/{plan}/progress",
        {"kind": "progress", "percent": "40", "note": "Đã có dự thảo kế hoạch", "version": str(version)},
        files=[("attachments", ("du-thao.pdf", b"%PDF-1.4 draft", "application/pdf"))],
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/tasks/{plan}?msg=")
    page = follow(officer, response)
    text = words(page.text)
    assert "Đã gửi báo cáo tiến độ." in text
    assert "40%" in text and "Đang thực hiện" in text and "Đã có dự thảo kế hoạch" in text
    assert "Tiến độ: 0% → 40%" in text and "Trạng thái: Mới giao → Đang thực hiện" in text
    link = f"/tasks/{plan}/attachments/1"
    assert link in page.text and "du-thao.pdf" in text
    file = officer.get(link)
    assert file.status_code == 200 and file.content == b"%PDF-1.4 draft"
    assert file.headers["content-disposition"].startswith("attachment;")
    assert file.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in file.headers["content-security-policy"]


def test_an_empty_file_input_sends_no_attachment(site, plan):
    officer = site.login("officer")
    version = task_version(officer, plan)
    response = officer.post(
        f"/tasks/{plan}/progress",
        {"kind": "progress", "percent": "10", "note": "", "version": str(version)},
        files=[("attachments", ("", b"", "application/octet-stream"))],
    )
    assert response.status_code == 303
    assert snapshot(site)[2][:2] == [1, 0]  # one report, no attachment


def test_a_coordinating_agency_sends_a_contribution_and_nothing_else(site, plan):
    finance = site.login("finance")
    page = finance.get(f"/tasks/{plan}")
    assert post_forms(page.text) == {f"/tasks/{plan}/progress"}
    assert "Báo cáo kết quả phối hợp" in page.text and "Báo cáo hoàn thành" not in words(page.text)
    version = task_version(finance, plan)
    response = finance.post(
        f"/tasks/{plan}/progress", {"kind": "progress", "note": "Đã cân đối kinh phí", "version": str(version)}
    )
    page = follow(finance, response)
    text = words(page.text)
    assert "Đã gửi kết quả phối hợp." in text
    contributions = text.split("Kết quả phối hợp", 1)[1]
    assert "Đã cân đối kinh phí" in contributions and "finance · Sở Tài chính" in contributions
    assert "Mới giao" in text and "Tiến độ 0%" in text
    before = snapshot(site)
    version = task_version(finance, plan)
    refused = finance.post(f"/tasks/{plan}/progress", {"kind": "completion", "note": "xong", "version": str(version)})
    assert refused.status_code == 403 and "không có quyền" in refused.text
    extension = {"requested_deadline": "2024-05-31", "reason": "Chờ số liệu", "version": str(version)}
    assert finance.post(f"/tasks/{plan}/extensions", extension).status_code == 403
    assert snapshot(site) == before


def test_completion_needs_evidence_then_closes_the_task(site, plan):
    officer = site.login("officer")
    version = task_version(officer, plan)
    before = snapshot(site)
    empty = officer.post(f"/tasks/{plan}/progress", {"kind": "completion", "note": " ", "version": str(version)})
    assert empty.status_code == 422 and "cần có bằng chứng" in empty.text
    assert snapshot(site) == before
    site.today = date(2024, 4, 26)
    response = officer.post(
        f"/tasks/{plan}/progress",
        {"kind": "completion", "note": "Kế hoạch số 45/KH-UBND đã ban hành", "version": str(version)},
    )
    page = follow(officer, response)
    text = words(page.text)
    assert "Đã báo cáo hoàn thành nhiệm vụ." in text
    assert "Hoàn thành đúng hạn" in text and "Ngày hoàn thành 26/04/2024" in text and "100%" in text
    assert post_forms(page.text) == set()  # nothing more to report on a done task
    current = site.api("GET", f"/tasks/{plan}").json()["version"]  # the page has no form left to read it from
    late = officer.post(f"/tasks/{plan}/progress", {"kind": "progress", "percent": "50", "version": str(current)})
    assert late.status_code == 409 and "không nhận thêm báo cáo" in late.text


def version_of_page(page) -> int:
    return version_of(page.text)


def test_an_extension_is_requested_then_approved_by_the_office(site, plan):
    officer = site.login("officer")
    version = task_version(officer, plan)
    form = {"requested_deadline": "2024-05-31", "reason": "Chờ ý kiến các sở", "version": str(version)}
    page = follow(officer, officer.post(f"/tasks/{plan}/extensions", form))
    text = words(page.text)
    assert "Đã gửi đề nghị gia hạn đến ngày 31/05/2024" in text
    assert "30/04/2024 → 31/05/2024" in text and "Chờ quyết định" in text and "Chờ ý kiến các sở" in text
    assert f"/tasks/{plan}/extensions" not in post_forms(page.text)  # one pending request at a time
    again = officer.post(f"/tasks/{plan}/extensions", {**form, "version": str(task_version(officer, plan))})
    assert again.status_code == 409 and "đang chờ quyết định" in again.text
    assert officer.post(f"/tasks/{plan}/extensions/1/decision", {"decision": "approve"}).status_code == 403

    clerk = site.login("clerk")
    page = clerk.get(f"/tasks/{plan}")
    assert f"/tasks/{plan}/extensions/1/decision" in post_forms(page.text)
    decision = {"decision": "approve", "note": "Đồng ý", "version": str(task_version(clerk, plan))}
    page = follow(clerk, clerk.post(f"/tasks/{plan}/extensions/1/decision", decision))
    text = words(page.text)
    assert "Đã đồng ý gia hạn đến ngày 31/05/2024." in text
    assert "Thời hạn 31/05/2024" in text and "Đã đồng ý" in text
    deadline = " ".join(re.sub(r"<[^>]+>", " ", page.text.split('id="task-deadline">')[1].split("</dd>")[0]).split())
    assert deadline.startswith("31/05/2024 gia hạn từ 30/04/2024 (văn bản ghi “")  # not a contradiction
    assert "Đồng ý gia hạn Thời hạn: 30/04/2024 → 31/05/2024" in text  # the history keeps the old deadline
    twice = clerk.post(f"/tasks/{plan}/extensions/1/decision", {**decision, "version": str(version_of_page(page))})
    assert twice.status_code == 409 and "đã được quyết định" in twice.text


def test_the_office_refuses_an_extension_and_the_deadline_stays(site, plan):
    officer = site.login("officer")
    form = {"requested_deadline": "31/05/2024", "reason": "Thiếu nhân lực", "version": str(task_version(officer, plan))}
    assert officer.post(f"/tasks/{plan}/extensions", form).status_code == 303
    clerk = site.login("clerk")
    decision = {"decision": "refuse", "note": "Không có căn cứ", "version": str(task_version(clerk, plan))}
    page = follow(clerk, clerk.post(f"/tasks/{plan}/extensions/1/decision", decision))
    text = words(page.text)
    assert "Đã không đồng ý đề nghị gia hạn." in text and "Không đồng ý" in text and "Không có căn cứ" in text
    assert "Thời hạn 30/04/2024" in text


@pytest.mark.parametrize(
    ("requested", "message"),
    [
        ("2024-03-01", "không ở quá khứ"),
        ("2024-04-30", "phải sau thời hạn hiện tại"),
        ("31/02/2024", "không hợp lệ"),
        ("", "Hãy chọn thời hạn đề nghị"),
    ],
)
def test_a_wrong_extension_date_is_explained_and_nothing_is_saved(site, plan, requested, message):
    officer = site.login("officer")
    form = {"requested_deadline": requested, "reason": "Lý do", "version": str(task_version(officer, plan))}
    before = snapshot(site)
    response = officer.post(f"/tasks/{plan}/extensions", form)
    assert response.status_code == 422 and message in response.text
    assert 'role="alert"' in response.text and "Lý do</textarea>" in response.text  # typed text kept
    assert snapshot(site) == before


def test_a_wrong_percent_is_explained_and_the_note_is_kept(site, plan):
    officer = site.login("officer")
    form = {"kind": "progress", "percent": "150", "note": "Ghi chú dài", "version": str(task_version(officer, plan))}
    before = snapshot(site)
    response = officer.post(f"/tasks/{plan}/progress", form)
    assert response.status_code == 422 and "Tiến độ phải là số nguyên từ 0 đến 100." in response.text
    assert ">Ghi chú dài</textarea>" in response.text
    assert snapshot(site) == before


def test_a_too_large_attachment_is_refused_in_vietnamese(site, plan):
    officer = site.login("officer")
    form = {"kind": "progress", "percent": "20", "version": str(task_version(officer, plan))}
    before = snapshot(site)
    response = officer.post(
        f"/tasks/{plan}/progress", form, files=[("attachments", ("lon.bin", b"x" * (MAX_UPLOAD + 1), "text/plain"))]
    )
    assert response.status_code == 413 and "quá lớn" in response.text
    assert snapshot(site) == before


def test_the_office_changes_status_and_a_cancelled_task_still_lists(site, plan):
    clerk = site.login("clerk")
    page = clerk.get(f"/tasks/{plan}")
    assert f"/tasks/{plan}/status" in post_forms(page.text)
    form = {"status": "paused", "percent": "30", "version": str(task_version(clerk, plan))}
    page = follow(clerk, clerk.post(f"/tasks/{plan}/status", form))
    assert "Đã cập nhật nhiệm vụ: trạng thái “Tạm dừng”, tiến độ 30%." in words(page.text)
    form = {"status": "cancelled", "percent": "30", "version": str(version_of_page(page))}
    page = follow(clerk, clerk.post(f"/tasks/{plan}/status", form))
    assert "Đã hủy" in words(page.text)
    listed = clerk.get("/tasks?status=cancelled")
    assert listed.status_code == 200 and f'href="/tasks/{plan}"' in listed.text and "Đã hủy" in listed.text
    assert clerk.get("/").status_code == 200 and clerk.get("/documents/1").status_code == 200


def test_the_office_marks_a_task_done_today(site, plan):
    site.today = date(2024, 5, 6)
    clerk = site.login("clerk")
    form = {"status": "done", "percent": "", "version": str(task_version(clerk, plan))}
    page = follow(clerk, clerk.post(f"/tasks/{plan}/status", form))
    text = words(page.text)
    assert "Hoàn thành quá hạn" in text and "Ngày hoàn thành 06/05/2024" in text
    unknown = clerk.post(f"/tasks/{plan}/status", {"status": "finished", "version": str(version_of_page(page))})
    assert unknown.status_code == 422 and "Hãy chọn trạng thái trong danh sách." in unknown.text


def _forms(site, plan):
    """Every form of the task page: who may send it and valid fields (the version is added by the
    test). A pending extension is made first, for the decision form."""
    body = {"requested_deadline": "2024-05-31", "reason": "Lý do"}
    assert site.api("POST", f"/tasks/{plan}/extensions", who="officer", json=body).status_code == 201
    return [
        ("officer", f"/tasks/{plan}/progress", {"kind": "progress", "percent": "50", "note": "n"}),
        ("officer", f"/tasks/{plan}/progress", {"kind": "completion", "note": "xong"}),
        ("officer", f"/tasks/{plan}/extensions", {"requested_deadline": "2024-06-30", "reason": "r"}),
        ("clerk", f"/tasks/{plan}/extensions/1/decision", {"decision": "approve", "note": ""}),
        ("clerk", f"/tasks/{plan}/status", {"status": "paused", "percent": "10"}),
    ]


def test_every_form_but_a_report_refuses_a_stale_version_and_saves_nothing(site, plan):
    officer = site.login("officer")
    stale = task_version(officer, plan)
    site.api("PATCH", f"/tasks/{plan}", who="clerk", json={"version": stale, "progress": 5})  # someone else saves
    for who, path, fields in _forms(site, plan):
        if fields.get("kind") == "progress":
            continue  # a report only adds a row (next test)
        browser = site.login(who)
        browser.get(f"/tasks/{plan}")
        before = snapshot(site)
        response = browser.post(path, {**fields, "version": str(stale)})
        assert response.status_code == 409, (path, response.text[:300])
        assert STALE in response.text, path
        assert f'name="version" value="{stale}"' not in response.text  # the page offers the current version
        assert snapshot(site) == before, path


def test_every_form_needs_the_csrf_token_and_saves_nothing(site, plan):
    for who, path, fields in _forms(site, plan):
        browser = site.login(who)
        version = task_version(browser, plan)
        before = snapshot(site)
        missing = browser.client.post(path, data={**fields, "version": str(version)})
        forged = browser.client.post(path, data={**fields, "version": str(version), "csrf_token": "forged"})
        assert missing.status_code == 403 and forged.status_code == 403, path
        assert "mã CSRF" in missing.text
        assert snapshot(site) == before, path
    officer = site.login("officer")
    multipart = officer.client.post(
        f"/tasks/{plan}/progress",
        data={"kind": "progress", "percent": "5", "version": str(task_version(officer, plan))},
        files=[("attachments", ("a.txt", b"a", "text/plain"))],
    )
    assert multipart.status_code == 403


def test_a_form_without_its_version_is_refused(site, plan):
    officer = site.login("officer")
    officer.get(f"/tasks/{plan}")
    before = snapshot(site)
    response = officer.post(f"/tasks/{plan}/progress", {"kind": "completion", "note": "xong"})
    assert response.status_code == 422 and "thiếu phiên bản" in response.text
    assert snapshot(site) == before


def test_flash_messages_come_from_the_redirect_only(site, plan):
    officer = site.login("officer")
    form = {"kind": "progress", "percent": "15", "version": str(task_version(officer, plan))}
    response = officer.post(f"/tasks/{plan}/progress", form)
    assert unquote(response.headers["location"]).endswith("msg=Đã gửi báo cáo tiến độ.")
    assert "Đã gửi báo cáo tiến độ." not in officer.get(f"/tasks/{plan}").text


def test_attachments_are_served_only_within_scope_and_with_their_task(site, notice, plan):
    other = task_id(notice, "Phối hợp với Công an tỉnh")  # the officer's agency leads it too
    officer = site.login("officer")
    form = {"kind": "progress", "percent": "5", "version": str(task_version(officer, plan))}
    officer.post(f"/tasks/{plan}/progress", form, files=[("attachments", ("a.txt", b"abc", "text/plain"))])
    assert officer.get(f"/tasks/{plan}/attachments/1").status_code == 200
    assert site.login("viewer").get(f"/tasks/{plan}/attachments/1").status_code == 200
    assert officer.get(f"/tasks/{other}/attachments/1").status_code == 404  # not this task's file
    assert officer.get(f"/tasks/{plan}/attachments/99").status_code == 404
    health = site.login("health").get(f"/tasks/{plan}/attachments/1")
    assert health.status_code == 404 and "Không tìm thấy" in health.text


def test_a_draft_task_is_for_the_office_only_and_has_no_tracking_forms(site):
    document = site.document(HEALTH, confirm=False)
    draft = task_id(document, "Giao Sở Y tế")
    assert site.login("viewer").get(f"/tasks/{draft}").status_code == 404
    assert site.login("health").get(f"/tasks/{draft}").status_code == 404
    clerk = site.login("clerk")
    page = clerk.get(f"/tasks/{draft}")
    assert page.status_code == 200 and "Bản nháp" in page.text
    assert post_forms(page.text) == set()
    before = snapshot(site)
    response = clerk.post(f"/tasks/{draft}/status", {"status": "paused", "version": str(1)})
    assert response.status_code == 409 and "chưa được theo dõi" in response.text
    assert snapshot(site) == before


def test_the_history_reads_in_vietnamese():
    assert show_value("deadline", "2024-04-30") == "30/04/2024"
    assert show_value("status", "in_progress") == "Đang thực hiện"
    assert show_value("status", "approved") == "Đã đồng ý"
    assert show_value("recurrence", "monthly") == "Hằng tháng"
    assert show_value("lead", ["Sở Y tế", "Sở Tài chính"]) == "Sở Y tế, Sở Tài chính"
    assert show_value("progress", 40) == "40%"
    assert show_value("deadline", None) == "—"


def test_two_officers_reporting_from_the_same_page_load_both_land(site, plan):
    # Issue 10: appending a progress report never conflicts, whatever the task's version.
    first, second = site.login("officer"), site.login("officer")
    version = task_version(first, plan)
    assert task_version(second, plan) == version
    for browser, percent in ((first, "30"), (second, "45")):
        response = browser.post(
            f"/tasks/{plan}/progress",
            {"kind": "progress", "percent": percent, "note": f"Báo cáo {percent}", "version": str(version)},
        )
        assert response.status_code == 303, response.text[:300]
    reports = site.api("GET", f"/tasks/{plan}", who="clerk").json()["progress_reports"]
    assert sorted((r["percent"], r["note"]) for r in reports) == [(30, "Báo cáo 30"), (45, "Báo cáo 45")]
