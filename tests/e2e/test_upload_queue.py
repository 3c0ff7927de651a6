"""The upload queue in a real browser (issue 15, item 5): the clerk uploads a scanned notice (a
PNG drawn by the test, read by OCR in ``chidao serve``'s background worker); the answer comes at
once, a status page that follows the job by itself ("Đang chờ"/"Đang đọc", then "Xong") and then
moves on to the review of the extracted tasks."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import screenshot
from support.scans import encoded, require_tesseract, scan


def test_a_scan_is_read_in_the_background_and_its_status_page_leads_to_the_review(open_as, server, tmp_path):
    require_tesseract()
    notice = tmp_path / "tb-quet.png"
    notice.write_bytes(encoded(scan(), "PNG"))
    clerk = open_as("clerk")
    clerk.get_by_role("link", name="Tải văn bản lên").click()
    clerk.locator("#files").set_input_files(str(notice))
    clerk.locator("#upload-submit").click()

    clerk.wait_for_url(re.compile(r"/uploads/\d+$"))
    job_id = int(clerk.url.rsplit("/", 1)[1])
    status = clerk.locator("#job-status")
    assert status.inner_text() in ("Đang chờ", "Đang đọc", "Xong")
    assert clerk.locator("#job-file").inner_text() == "tb-quet.png"
    screenshot(clerk, "30-upload-status")

    expect(status).to_have_text("Xong", timeout=180_000)  # OCR takes a few seconds a page
    clerk.wait_for_url(re.compile(r"/documents/\d+/review"), timeout=30_000)
    assert "tb-quet.png" in clerk.locator(".flash").inner_text()
    assert "Sở Tài chính" in clerk.content()
    screenshot(clerk, "31-upload-review")

    clerk.goto(f"{server.url}/uploads")
    row = clerk.locator(f'tr:has(a[href="/uploads/{job_id}"])')
    expect(row.locator(".job-badge")).to_have_text("Xong")
