"""A recurring task's page shows its rounds (issue 11): each round's due date, own timing state,
progress and completion day; a completion the lead agency sends closes the current round only."""

from __future__ import annotations

import re
from datetime import date

from pagekit import conversion, task_id, task_version, words

MONTHLY = "Báo cáo hằng tháng"  # "trước ngày 25 hằng tháng", lead Sở TT&TT; the notice is of 15/3/2024


def rounds_of(page: str) -> list[list[str]]:
    section = page.split('id="h-rounds"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", section.split("<tbody>", 1)[1], re.S)
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in rows
    ]


def test_a_recurring_task_page_lists_its_rounds_and_a_completion_closes_one(site):
    notice = conversion(site)[0]
    monthly = task_id(notice, MONTHLY)
    officer = site.login("officer")
    page = officer.get(f"/tasks/{monthly}")
    assert page.status_code == 200 and "Các kỳ thực hiện" in page.text
    assert rounds_of(page.text) == [
        ["25/03/2024 (kỳ hiện tại)", "Quá hạn", "0%", "—"],  # today is 1/4/2024
        ["25/04/2024", "Chưa đến hạn", "0%", "—"],
        ["25/05/2024", "Chưa đến hạn", "0%", "—"],
    ]
    form = {"kind": "completion", "note": "Đã gửi báo cáo tháng 3", "version": str(task_version(officer, monthly))}
    assert officer.post(f"/tasks/{monthly}/progress", form).status_code == 303
    page = officer.get(f"/tasks/{monthly}")
    assert rounds_of(page.text)[:2] == [
        ["25/03/2024", "Hoàn thành quá hạn", "100%", "01/04/2024"],
        ["25/04/2024 (kỳ hiện tại)", "Chưa đến hạn", "0%", "—"],
    ]
    text = words(page.text)
    assert "kỳ 25/03/2024" in text  # the report names its round
    assert "Thời hạn 25/04/2024" in text  # the task's deadline is its current round's
    assert site.api("GET", f"/tasks/{monthly}").json()["status"] == "in_progress"
    data = officer.get(f"/tasks/{monthly}", params={"format": "json"}).json()
    assert [r["due_on"] for r in data["rounds"]][:2] == ["2024-03-25", "2024-04-25"]
    assert data["rounds"][1]["current"] is True


def test_a_task_that_does_not_recur_has_no_rounds_section(site):
    notice = conversion(site)[0]
    page = site.login("officer").get(f"/tasks/{task_id(notice, 'Chủ trì, phối hợp với Sở Tài chính')}")
    assert page.status_code == 200 and "Các kỳ thực hiện" not in page.text
    assert site.today == date(2024, 4, 1)
