"""Splitting an agency in a real browser (issue 13): the admin opens "Chia tách" from the
agency's page, names two successors, a date typed dd/mm/yyyy and the decision, sees every open
task with its suggested successor preselected, changes one, applies, and the tasks follow the
choices. Its own server: applying re-points the shared officer account."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import log_in, screenshot, serving
from support.split import NOTICE

TTTT, KHCN, VHTTDL = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"


@pytest.fixture
def split_server(tmp_path):
    with serving(tmp_path) as server:
        command = [sys.executable, "-m", "chidao.cli", "ingest", "--confirm", str(NOTICE)]
        subprocess.run(command, env=server.env, check=True, capture_output=True)
        yield server


def test_the_admin_splits_an_agency_choosing_per_task(browser, split_server):
    server = split_server
    context, admin = log_in(browser, server.url, "admin")
    admin.goto(f"{server.url}/admin/agencies?q=thong tin va truyen thong")
    admin.get_by_role("link", name=TTTT, exact=True).click()
    admin.locator("#split-link").click()
    admin.get_by_label("Cơ quan kế thừa 1 (nhận nhiệm vụ chính)").fill("Sở KH&CN")
    admin.get_by_label("Cơ quan kế thừa 2").fill("Sở VHTTDL")
    admin.locator("#s-on").fill("01/03/2025")
    admin.get_by_label("Căn cứ (quyết định)").fill("Quyết định 15/QĐ-UBND")
    admin.get_by_role("button", name="Xem trước").click()
    table = admin.locator("#split-table")
    table.wait_for()
    press = table.locator("tr", has_text="báo chí")
    assert press.locator("select option:checked").inner_text() == VHTTDL
    assert "Gợi ý theo: báo chí, xuất bản" in press.inner_text()
    data = table.locator("tr", has_text="kho dữ liệu")
    assert data.locator("select option:checked").inner_text() == KHCN
    data.locator("select").select_option(label=VHTTDL)  # the clerk knows better
    screenshot(admin, "56-agency-split-preview")
    admin.locator("#apply-split").click()
    admin.wait_for_url(f"{server.url}/admin/agencies/*?msg=*")
    status = admin.get_by_role("status").inner_text()
    assert "Đã chia tách" in status and f"3 sang {VHTTDL}" in status and f"2 sang {KHCN}" in status
    assert "Đã chia tách từ 01/03/2025 theo Quyết định 15/QĐ-UBND" in admin.locator("#ended").inner_text()
    screenshot(admin, "57-agency-split-applied")
    context.close()
