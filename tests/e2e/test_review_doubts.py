"""Reviewing what extraction doubts, in a real browser: the clerk uploads a notice, sees the tasks
extraction is least sure of first with their "Cần kiểm tra" badge and reasons, sees the passage
that assigns work but gave no task highlighted apart in the text, makes it a draft task with
"Tạo nhiệm vụ", and completes it. Photographed at desktop and phone width."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from conftest import screenshot

# Written for this test: item 4 names no agency, so extraction takes the previous item's lead
# (a task it is far from sure of), and a paragraph gives work to "các bộ phận chuyên trách",
# which is no agency extraction can read: an unassigned passage.
NOTICE = Path(__file__).resolve().parent / "data" / "tb-ket-luan-cai-cach-hanh-chinh.txt"
DOUBTFUL = "Tăng cường kiểm tra, xử lý nghiêm"
UNASSIGNED = "Giao các bộ phận chuyên trách nghiên cứu"


def _background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_clerk_checks_doubtful_tasks_and_makes_a_passage_a_task(open_as):
    clerk = open_as("clerk")
    clerk.get_by_role("link", name="Tải văn bản lên").click()
    clerk.locator("#files").set_input_files(str(NOTICE))
    clerk.locator("#upload-submit").click()
    clerk.wait_for_url(re.compile(r"/documents/\d+/review"))

    # The doubtful tasks come first, each with its badge and the reasons, then the others.
    cards = clerk.locator("li.review-task")
    badges = [card.locator(".tone-doubt").count() for card in cards.all()]
    assert badges[0] == 1 and 0 in badges, badges
    assert badges == sorted(badges, reverse=True)  # every doubtful one before the first sure one
    first = cards.first
    assert first.locator("textarea[name=text]").input_value().startswith(DOUBTFUL)
    assert first.locator(".tone-doubt").inner_text().strip() == "⚠ Cần kiểm tra"
    assert "cơ quan chủ trì lấy từ mục trước" in first.locator(".doubts").inner_text()
    assert "nhiệm vụ cần kiểm tra" in clerk.locator("#review-summary").inner_text()

    # The passage is highlighted apart from the tasks' passages, with a legend and a "?".
    mark = clerk.locator("mark.loose", has_text=UNASSIGNED)
    assert mark.count() == 1 and mark.is_visible()
    assert _background(clerk, "#doc-text mark.loose") != _background(clerk, "#doc-text mark.src")
    assert clerk.locator("#legend").is_visible()
    passage_id = int(mark.get_attribute("id").removeprefix("passage-"))
    screenshot(clerk, "16-review-doubts")

    # By keyboard: the "?" before the passage leads to its card, with the reason and the button.
    ref = clerk.locator(f'a.loose-ref[href="#unassigned-{passage_id}"]')
    ref.focus()
    expect(ref).to_be_focused()  # under load the focus may land a moment later
    clerk.keyboard.press("Enter")
    expect(clerk).to_have_url(re.compile(rf"#unassigned-{passage_id}$"))
    card = clerk.locator(f"#unassigned-{passage_id}")
    assert "không tìm thấy cơ quan" in card.inner_text()
    button = card.get_by_role("button", name="Tạo nhiệm vụ")
    assert button.is_visible()

    # One click: the passage becomes a draft task, shown on the page that comes back.
    button.click()
    clerk.wait_for_url(re.compile(r"#task-\d+$"))
    task_id = int(clerk.url.rsplit("#task-", 1)[1])
    assert "Đã tạo nhiệm vụ từ đoạn văn bản" in clerk.locator(".flash").inner_text()
    new = clerk.locator(f"#task-{task_id}")
    assert new.locator(f"#text-{task_id}").input_value().startswith(UNASSIGNED)
    assert "Tạo từ đoạn chưa thành nhiệm vụ" in new.inner_text()
    assert clerk.locator("mark.loose", has_text=UNASSIGNED).count() == 0
    assert UNASSIGNED in clerk.locator(f"mark#src-{task_id}").inner_text()
    screenshot(clerk, "17-review-passage-task")

    # The clerk says who leads it, and saves.
    clerk.locator(f"#lead-{task_id}").fill("Sở Nội vụ")
    clerk.locator(f"#save-{task_id}").click()
    clerk.wait_for_load_state()
    assert clerk.locator(f"#lead-{task_id}").input_value() == "Sở Nội vụ"
    assert "Đã lưu nhiệm vụ." in clerk.locator(".flash").inner_text()
