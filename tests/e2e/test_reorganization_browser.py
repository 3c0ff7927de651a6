"""The 2025 reorganization in a real browser (issue 13): the admin opens the preview from the
agencies page, applies it with one button, and the officer of the merged department finds its
open tasks under the successor. Its own server: applying re-points the shared officer account."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES, log_in, screenshot, serving

TTTT, KHCN = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"


@pytest.fixture
def merged_server(tmp_path):
    with serving(tmp_path) as server:
        notice = str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt")
        command = [sys.executable, "-m", "chidao.cli", "ingest", "--confirm", notice]
        subprocess.run(command, env=server.env, check=True, capture_output=True)
        yield server


def test_the_admin_previews_and_applies_the_2025_reorganization(browser, merged_server):
    server = merged_server
    context, admin = log_in(browser, server.url, "admin")
    admin.get_by_role("link", name="Cơ quan", exact=True).click()
    admin.get_by_role("link", name="Sắp xếp tổ chức bộ máy", exact=False).click()
    admin.get_by_role("link", name="Sắp xếp tổ chức bộ máy năm 2025").click()
    admin.wait_for_url(f"{server.url}/agencies/reorganizations/2025")
    row = admin.locator("#reorg-table tr", has_text=TTTT)
    assert KHCN in row.inner_text() and "Sẽ chuyển khi áp dụng" in row.inner_text()
    assert "nhiệm vụ đang mở" in admin.locator("#reorg-summary").inner_text()
    screenshot(admin, "40-reorganization-preview")
    admin.locator("#apply-reorganization").click()
    admin.wait_for_url(f"{server.url}/agencies/reorganizations/2025?msg=*")
    assert "Đã chuyển" in admin.get_by_role("status").inner_text()
    assert "Đã áp dụng" in admin.locator("#reorg-table tr", has_text=TTTT).inner_text()
    assert admin.locator("#apply-reorganization").count() == 0
    screenshot(admin, "41-reorganization-applied")
    context.close()

    context, officer = log_in(browser, server.url, "officer")
    assert KHCN in officer.locator(".user-name").inner_text()
    officer.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    officer.wait_for_url(re.compile(r"/tasks(\?.*)?$"))
    officer.locator("table.tasks td[data-label='Chủ trì']").first.wait_for()  # all_inner_texts does not wait
    agencies = " | ".join(
        officer.locator("table.tasks td[data-label='Chủ trì'], td[data-label='Phối hợp']").all_inner_texts()
    )
    assert KHCN in agencies and TTTT not in agencies  # the task's text still says what the notice said
    screenshot(officer, "42-reorganization-officer-tasks")
    context.close()
