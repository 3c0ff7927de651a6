"""Reviewing a long plan in the table view, in a real browser, by keyboard: an 86-item Kế hoạch
(written for this test, about one task per item) opens as the table; j/k walk every row while
the document text beside it follows; x ticks rows and one bulk set gives them a deadline; Enter
opens a row for editing, Esc cancels, Enter again and Lưu saves it in place (no page load); then
the document is confirmed. The page heights of the two views (a layout fact, not a timing) and
the number of requests are printed; photographed at desktop and phone width."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import SCREENSHOTS, log_in, screenshot
from support.long_plan import ITEMS, plan_text

HEIGHT = "document.body.scrollHeight"


def _current(page) -> str:
    return page.eval_on_selector("tr.review-row.is-current", "row => row.dataset.task")


def _followed(page) -> str | None:
    return page.evaluate("() => document.querySelector('#doc-text mark.is-followed')?.id ?? null")


def test_clerk_reviews_an_86_item_plan_in_the_table_by_keyboard(browser, server, tmp_path):
    plan = tmp_path / "ke-hoach-87-KH-UBND.txt"
    plan.write_text(plan_text(), encoding="utf-8")
    context, clerk = log_in(browser, server.url, "clerk", locale="en-US")
    try:
        clerk.get_by_role("link", name="Tải văn bản lên").click()
        clerk.locator("#files").set_input_files(str(plan))
        clerk.locator("#upload-submit").click()
        clerk.wait_for_url(re.compile(r"/documents/\d+/review"))
        review = clerk.url.split("#")[0].split("?")[0]

        clerk.goto(review + "?view=cards")
        cards_height = clerk.evaluate(HEIGHT)
        cards = clerk.locator("li.review-task").count()

        requests: list[str] = []
        clerk.on("request", lambda request: requests.append(f"{request.method} {request.resource_type}"))
        clerk.goto(review)  # a long document opens as the table
        expect(clerk.locator("#view-table")).to_have_attribute("aria-current", "page")
        table_height = clerk.evaluate(HEIGHT)
        rows = clerk.locator("tr.review-row")
        count = rows.count()
        print(f"\n{count} tasks: page height {cards_height} px as cards, {table_height} px as the table")
        assert count == cards >= ITEMS  # about one task per numbered item
        screenshot(clerk, "19-review-table")
        assert table_height < 10_000 < cards_height

        # j/k walk the rows; the text beside follows the current row's passage.
        ids = [row.get_attribute("data-task") for row in rows.all()]
        assert _current(clerk) == ids[0]
        clerk.keyboard.press("j")
        assert _current(clerk) == ids[1] and _followed(clerk) == f"src-{ids[1]}"
        expect(rows.nth(1)).to_be_focused()
        for _ in range(count):
            clerk.keyboard.press("j")
        assert _current(clerk) == ids[-1] and _followed(clerk) == f"src-{ids[-1]}"
        assert clerk.eval_on_selector("#doc-text", "el => el.scrollTop") > 0
        for _ in range(count - 3):
            clerk.keyboard.press("k")
        assert _current(clerk) == ids[2]

        # x ticks the rows to set in bulk; one post gives them all a deadline.
        for _ in range(3):
            clerk.keyboard.press("x")
            clerk.keyboard.press("j")
        ticked = ids[2:5]
        for task in ticked:
            expect(clerk.locator(f"#task-{task}")).to_have_attribute("aria-selected", "true")
        expect(clerk.locator("#bulk-count")).to_have_text("Đã chọn 3 nhiệm vụ.")
        clerk.locator("#bulk-deadline").fill("20/12/2026")
        clerk.locator("#bulk-submit").click()
        clerk.wait_for_url(re.compile(r"view=table&msg="))
        assert "Đã đặt chung cho 3 nhiệm vụ đã chọn" in clerk.locator(".flash").inner_text()
        for task in ticked:
            assert "20/12/2026" in clerk.locator(f"#task-{task} .col-date").inner_text()

        # Enter opens the current row as a form, Esc gives it back; Enter again and Lưu saves in place.
        clerk.evaluate("() => { window.stayed = true; }")
        row = clerk.locator(f"#task-{ids[7]}")
        row.focus()
        clerk.keyboard.press("Enter")
        expect(clerk.locator(f"#text-{ids[7]}")).to_be_focused()
        expect(row).to_have_class(re.compile("is-editing"))
        clerk.keyboard.press("Escape")
        expect(clerk.locator(f"#task-{ids[7]}")).not_to_have_class(re.compile("is-editing"))
        expect(clerk.locator(f"#task-{ids[7]}")).to_be_focused()
        clerk.keyboard.press("Enter")
        clerk.locator(f"#lead-{ids[7]}").fill("Sở Nội vụ")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        clerk.screenshot(path=str(SCREENSHOTS / "20-review-table-row-edit-desktop.png"))  # the window: the row open
        clerk.locator(f"#save-{ids[7]}").click()
        expect(clerk.locator(f"#task-{ids[7]}")).not_to_have_class(re.compile("is-editing"))
        assert "Sở Nội vụ" in clerk.locator(f"#task-{ids[7]}").inner_text()
        expect(clerk.locator("#table-status")).to_have_text("Đã lưu nhiệm vụ.")
        assert clerk.evaluate("() => window.stayed === true")  # the row was swapped, the page not reloaded

        # ? shows the keys.
        clerk.locator(f"#task-{ids[7]}").focus()
        clerk.keyboard.press("?")
        expect(clerk.locator("#keys-help")).to_have_attribute("open", "")

        clerk.once("dialog", lambda dialog: dialog.accept())
        clerk.locator("#confirm-submit").click()
        clerk.wait_for_url(re.compile(r"/documents/\d+\?msg="))
        assert f"Đã xác nhận văn bản: {count} nhiệm vụ" in clerk.locator(".flash").inner_text()
        pages = sum(r.endswith(" document") for r in requests)
        fetched = sum(r.endswith(" fetch") for r in requests)
        print(f"{len(requests)} requests from opening the table to the confirmation ({pages} pages, {fetched} fetches)")
    finally:
        context.close()
