"""Finding a document and the deadline calendar in a real browser (Debian's Chromium, an
English-locale one: the pages must not depend on the browser's language), against the real
``chidao serve``: the clerk uploads and confirms a notice, finds it on the document list by
words typed without diacritics, then opens the calendar on its month and clicks a day through
to the tasks due that day. Photographed at desktop and phone width."""

from __future__ import annotations

import re

from conftest import DESKTOP, EXAMPLES, log_in, screenshot, serving

NOTICE = EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt"  # 125/TB-UBND of 15/3/2024; due 25/3, 29/3, 31/3 …


def test_a_document_found_without_diacritics_and_a_calendar_day_opened(browser, tmp_path):
    with serving(tmp_path) as server:
        context, page = log_in(browser, server.url, "clerk", locale="en-US")
        try:
            page.get_by_role("link", name="Tải văn bản lên").click()
            page.locator("#files").set_input_files(str(NOTICE))
            page.locator("#upload-submit").click()
            page.wait_for_url(re.compile(r"/documents/\d+/review"))
            page.once("dialog", lambda dialog: dialog.accept())
            page.locator("#confirm-submit").click()
            page.wait_for_url(re.compile(r"/documents/\d+(\?.*)?$"))

            nav = page.get_by_role("navigation", name="Điều hướng chính")
            nav.get_by_role("link", name="Văn bản", exact=True).click()
            page.get_by_label("Tìm theo từ").fill("chuyen doi so")
            page.get_by_label("Ban hành từ ngày").fill("01/03/2024")
            page.get_by_role("button", name="Tìm", exact=True).click()
            page.wait_for_url(re.compile(r"q=chuyen\+doi\+so"))
            assert "issued_from=01%2F03%2F2024" in page.url
            rows = page.locator("table.stack tbody tr")
            assert rows.count() == 1 and "125/TB-UBND" in rows.first.inner_text()
            assert page.get_by_label("Ban hành từ ngày").input_value() == "01/03/2024"
            screenshot(page, "documents-search")

            page.get_by_label("Ban hành từ ngày").fill("31/02/2024")
            page.get_by_role("button", name="Tìm", exact=True).click()
            assert "Ngày ban hành “từ ngày” không hợp lệ" in page.locator("main").inner_text()

            nav.get_by_role("link", name="Lịch thời hạn", exact=True).click()
            page.wait_for_url(re.compile(r"/deadlines$"))
            page.locator("#c-month").fill("03/2024")
            page.get_by_role("button", name="Xem", exact=True).click()
            page.wait_for_url(re.compile(r"month=03%2F2024"))
            assert page.get_by_role("heading", level=1).inner_text() == "Lịch thời hạn tháng 03/2024"
            day = page.locator('td[data-day="2024-03-29"] a.day-count')
            assert day.inner_text() == "1 nhiệm vụ"
            assert "tone-late" in day.get_attribute("class")  # long past
            assert page.locator('td[data-day="2024-03-30"]').get_attribute("class").startswith("day-off")
            screenshot(page, "deadline-calendar")

            page.set_viewport_size({"width": 390, "height": 844})  # a phone: the grid gives way to the list
            assert not page.locator("table.month-grid").is_visible()
            assert page.locator("section.day-list").get_by_role("link").count() == 3
            page.set_viewport_size(DESKTOP)

            day.click()
            page.wait_for_url(re.compile(r"/tasks\?deadline_from=2024-03-29&deadline_to=2024-03-29"))
            tasks = page.locator("table tbody tr")
            assert tasks.count() == 1 and "Công an tỉnh" in tasks.first.inner_text()
        finally:
            context.close()
