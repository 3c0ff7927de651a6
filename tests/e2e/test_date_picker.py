"""Dates typed and picked as dd/mm/yyyy in a browser set to English (issue 14, item 4): the task
list's deadline filter through the picker of static/datepicker.js (month by month, the keyboard,
Vietnamese names), submitted and shown back the Vietnamese way."""

from __future__ import annotations

import re
from urllib.parse import unquote

from conftest import screenshot


def test_the_deadline_filter_is_picked_and_shown_as_dd_mm_yyyy_in_an_english_browser(open_as):
    viewer = open_as("viewer", locale="en-US")
    viewer.goto(viewer.url.rstrip("/") + "/tasks")
    field = viewer.locator("#f-from")
    assert field.get_attribute("type") == "text" and field.get_attribute("placeholder") == "dd/mm/yyyy"
    field.fill("15/04/2024")
    viewer.locator("#f-from + .datepicker-open").click()
    panel = viewer.locator("#f-from ~ .datepicker")
    assert panel.is_visible()
    assert panel.locator(".datepicker-title").inner_text() == "Tháng 4 năm 2024"
    assert panel.locator("th").all_inner_texts() == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert panel.locator("[aria-pressed=true]").inner_text() == "15"
    screenshot(viewer, "20-date-picker")
    viewer.keyboard.press("ArrowDown")  # a week later
    viewer.keyboard.press("PageDown")  # a month later: 22 May
    assert panel.locator(".datepicker-title").inner_text() == "Tháng 5 năm 2024"
    viewer.keyboard.press("Enter")
    assert field.input_value() == "22/05/2024" and not panel.is_visible()

    viewer.locator("#f-to + .datepicker-open").click()
    viewer.keyboard.press("Escape")  # closes without choosing
    viewer.locator("#f-to").fill("30/06/2024")
    viewer.locator("#f-to").press("Enter")  # submits the filter form
    viewer.wait_for_url(re.compile(r"deadline_from="))
    assert "deadline_from=22/05/2024" in unquote(viewer.url) and "deadline_to=30/06/2024" in unquote(viewer.url)
    assert viewer.locator("#f-from").input_value() == "22/05/2024"
    assert "Thời hạn từ ngày 22/05/2024 đến ngày 30/06/2024" in viewer.locator("main").inner_text()
