"""The whole follow-up in a real browser, as the four kinds of user do it:

the clerk uploads a notice, fixes one extracted task and confirms the notice; the agency
officer reports progress (with an attachment) and asks for more time; the clerk approves;
the leader sees the dashboard change. Every page is photographed at desktop and phone width.
"""

from __future__ import annotations

import re

from conftest import EXAMPLES, screenshot

NOTICE = EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt"
LED_BY_OFFICER = "Chủ trì, phối hợp với Sở Tài chính"  # Sở Thông tin và Truyền thông leads it; due 30/04/2024
WITHOUT_DEADLINE = "Sở Tài chính, Sở Kế hoạch và Đầu tư cân đối"


def _tile(page, state: str) -> int:
    """The number on the dashboard tile of a timing state."""
    text = page.locator(f'a.tile[href$="timing_state={state}"] .tile-count').inner_text()
    return int(text.replace(".", ""))


def _task_id(page, starts_with: str) -> int:
    """The id of the review page's task whose text starts with ``starts_with``."""
    for item in page.locator("li[id^='task-']").all():
        number = int(item.get_attribute("id").removeprefix("task-"))
        if page.locator(f"#text-{number}").input_value().startswith(starts_with):
            return number
    raise AssertionError(f"no task starting with {starts_with!r}")


def test_clerk_officer_leader_follow_a_notice_through(open_as, server, tmp_path):
    # The clerk uploads the notice and lands on its review page.
    clerk = open_as("clerk")
    screenshot(clerk, "02-dashboard-empty")
    clerk.get_by_role("link", name="Tải văn bản lên").click()
    clerk.locator("#files").set_input_files(str(NOTICE))
    screenshot(clerk, "03-upload")
    clerk.locator("#upload-submit").click()
    clerk.wait_for_url(re.compile(r"/documents/\d+/review"))
    document_url = clerk.url.split("/review")[0]
    screenshot(clerk, "04-review")

    # Clicking a task's passage link jumps to the highlighted passage, and back.
    fixed = _task_id(clerk, WITHOUT_DEADLINE)
    clerk.locator(f"#task-{fixed} a.src-link").first.click()
    assert clerk.url.endswith(f"#src-{fixed}")
    assert WITHOUT_DEADLINE in clerk.locator(f"mark#src-{fixed}").inner_text()
    clerk.locator(f"mark#src-{fixed}").click()
    assert clerk.url.endswith(f"#task-{fixed}")

    # Fix one extracted task: the notice gave it no deadline; the clerk adds the one agreed.
    clerk.locator(f"#deadline-{fixed}").fill("31/12/2026")
    clerk.locator(f"#save-{fixed}").click()
    clerk.wait_for_load_state()
    assert clerk.locator(f"#deadline-{fixed}").input_value() == "31/12/2026"
    assert clerk.locator(".flash").is_visible()

    # Correct the document's particulars: the signer extraction left out, a later date of issue.
    clerk.locator("#details summary").click()
    clerk.get_by_label("Người ký").fill("Nguyễn Văn An")
    clerk.get_by_label("Ngày ban hành").fill("16/03/2024")
    screenshot(clerk, "04-review-details")
    clerk.get_by_role("button", name="Lưu thông tin văn bản").click()
    clerk.wait_for_url(re.compile(r"/review\?msg="))
    assert "Đã lưu thông tin văn bản." in clerk.locator(".flash").inner_text()
    assert "16/03/2024" in clerk.locator(".doc-meta").inner_text()

    # Confirm the notice: its tasks become tracked.
    clerk.once("dialog", lambda dialog: dialog.accept())
    clerk.locator("#confirm-submit").click()
    clerk.wait_for_url(re.compile(re.escape(document_url) + r"(\?.*)?$"))
    assert "Nguyễn Văn An" in clerk.locator("main").inner_text()
    screenshot(clerk, "05-document")

    # The leader's dashboard before anything is done.
    leader = open_as("viewer")  # the leadership's read-only account
    overdue_before, not_due_before = _tile(leader, "overdue"), _tile(leader, "not_due")
    assert overdue_before >= 1
    screenshot(leader, "06-dashboard")

    # The agency officer finds the task their department leads, reports progress, asks for time.
    officer = open_as("officer")
    officer.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    screenshot(officer, "07-tasks-officer")
    officer.get_by_role("link", name=re.compile("^" + re.escape(LED_BY_OFFICER))).first.click()
    officer.wait_for_url(re.compile(r"/tasks/\d+$"))
    task_url = officer.url
    evidence = tmp_path / "bao-cao-tien-do.txt"
    evidence.write_text("Đã hoàn thành dự thảo kế hoạch, đang lấy ý kiến các sở.", encoding="utf-8")
    officer.locator("#p-percent").fill("40")
    officer.locator("#p-note").fill("Đã xây dựng dự thảo, đang lấy ý kiến Sở Tài chính.")
    officer.locator("#p-files").set_input_files(str(evidence))
    officer.get_by_role("button", name="Gửi báo cáo").click()
    officer.wait_for_load_state()
    assert "Đã xây dựng dự thảo" in officer.locator("body").inner_text()
    assert officer.get_by_role("link", name="bao-cao-tien-do.txt").count() >= 1
    officer.locator("#e-date").fill("31/03/2027")
    officer.locator("#e-reason").fill("Chờ ý kiến thẩm định của Sở Tài chính.")
    officer.get_by_role("button", name="Gửi đề nghị").click()
    officer.wait_for_load_state()
    assert "31/03/2027" in officer.locator("body").inner_text()
    screenshot(officer, "08-task-officer")

    # The clerk approves the extension.
    clerk.goto(task_url)
    clerk.get_by_role("button", name="Đồng ý gia hạn").click()
    clerk.wait_for_load_state()
    assert "31/03/2027" in clerk.locator("body").inner_text()
    # the current deadline, the one it replaced, and the notice's words: no contradiction shown
    deadline = clerk.locator("#task-deadline").inner_text()
    assert re.match(r"31/03/2027 gia hạn từ \d\d/\d\d/\d{4} \(văn bản ghi “", deadline)
    screenshot(clerk, "09-task-clerk")

    # The leader sees one task fewer overdue, one more not yet due.
    leader.reload()
    assert _tile(leader, "overdue") == overdue_before - 1
    assert _tile(leader, "not_due") == not_due_before + 1
    screenshot(leader, "10-dashboard-after")

    # And the other pages, for the record.
    for name, path in (("11-documents", "/documents"), ("12-tasks", "/tasks"), ("13-agencies", "/agencies")):
        leader.goto(server.url + path)
        screenshot(leader, name)
    leader.get_by_role("link", name="Sở Thông tin và Truyền thông", exact=True).first.click()
    leader.wait_for_url(re.compile(r"/agencies/\d+"))
    assert "Sở Thông tin và Truyền thông" in leader.locator("h1").inner_text()
    screenshot(leader, "14-agency")


def test_an_officer_cannot_reach_what_their_role_does_not_allow(open_as, server):
    officer = open_as("finance")
    response = officer.goto(f"{server.url}/documents/upload")
    assert response.status == 403
    assert "Không có quyền" in officer.locator("h1").inner_text()
    response = officer.goto(f"{server.url}/tasks/999999")
    assert response.status == 404
    screenshot(officer, "15-not-found")
