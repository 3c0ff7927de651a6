"""The bell and the digest in a real browser, against the real ``chidao serve``: an agency officer asks for more
time and the clerk's bell count goes up at once; the request is at the top of the clerk's
notifications page, which opens the task. The same request reaches an integrator's webhook,
sent by the server's own background sender (no flush command), signed with the secret the
admin's page showed once; and the clerk's next daily digest, sent by ``chidao remind`` to a real
SMTP server, lists it among what waits for the office. Photographed at desktop and phone width."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import date

from chidao.extract.workdays import WorkCalendar
from conftest import EXAMPLES, screenshot
from support.receiver import Receiver, verify
from support.smtp import smtp_server

LETTER = EXAMPLES / "cv-giao-nhiem-vu-y-te.txt"  # Sở Y tế ("health") leads its first task
LED_BY_HEALTH = "Giao Sở Y tế chủ trì"
CLERK_MAIL = "van-phong@tinh.gov.vn"


def _bell(page) -> int:
    label = page.locator("a.bell").get_attribute("aria-label")
    return int(re.search(r"Thông báo: (\d+) chưa đọc", label).group(1))


def test_an_extension_request_rings_the_clerks_bell_and_reaches_a_webhook(open_as, server):
    receiver = Receiver().start()
    try:
        admin = open_as("admin")
        admin.goto(f"{server.url}/admin/webhooks")
        admin.locator("#w-url").fill(receiver.url)
        admin.locator("#w-description").fill("Hệ thống e-office")
        admin.get_by_role("button", name="Đăng ký").click()
        secret = admin.locator("#webhook-secret").inner_text().strip()

        clerk = open_as("clerk")
        clerk.get_by_role("link", name="Tải văn bản lên").click()
        clerk.locator("#files").set_input_files(str(LETTER))
        clerk.locator("#upload-submit").click()
        clerk.wait_for_url(re.compile(r"/documents/\d+/review"))
        clerk.once("dialog", lambda dialog: dialog.accept())
        clerk.locator("#confirm-submit").click()
        clerk.wait_for_url(re.compile(r"/documents/\d+(\?.*)?$"))
        before = _bell(clerk)

        officer = open_as("health")
        assert _bell(officer) >= 1  # told of the task the confirmation gave their agency
        officer.get_by_role("link", name="Nhiệm vụ", exact=True).click()
        officer.get_by_role("link", name=re.compile("^" + re.escape(LED_BY_HEALTH))).first.click()
        officer.wait_for_url(re.compile(r"/tasks/\d+$"))
        task_path = officer.url.removeprefix(server.url)
        officer.locator("#e-date").fill("31/03/2027")
        officer.locator("#e-reason").fill("Chờ bố trí kinh phí từ Sở Tài chính.")
        officer.get_by_role("button", name="Gửi đề nghị").click()
        officer.wait_for_load_state()

        clerk.reload()
        # At least the request: the server's overdue check (a minute after it starts) may have
        # told the clerk of the example's past deadlines meanwhile, on a slow machine.
        rung = _bell(clerk)
        assert rung >= before + 1
        assert clerk.locator(".bell-count").is_visible()
        screenshot(clerk, "16-bell-clerk")
        clerk.locator("a.bell").click()
        clerk.wait_for_url(re.compile(r"/notifications$"))
        first = clerk.locator("ul.notifications li", has_text="Đề nghị gia hạn chờ quyết định").first
        assert "Đề nghị gia hạn chờ quyết định" in first.inner_text()
        assert "Đề nghị gia hạn đến 31/03/2027" in first.inner_text()
        assert "Chờ bố trí kinh phí" in first.inner_text()
        screenshot(clerk, "17-notifications-clerk")
        first.get_by_role("button", name="Mở nhiệm vụ").click()
        clerk.wait_for_url(re.compile(re.escape(task_path) + r"(\?.*)?$"))
        assert _bell(clerk) == rung - 1  # opening it marks that one read
        assert "Đồng ý gia hạn" in clerk.locator("main").inner_text()

        deadline = time.monotonic() + 20  # the server's sender passes every 5 seconds
        while time.monotonic() < deadline and not any(
            r.headers.get("X-Chidao-Event") == "extension.requested" for r in receiver.received
        ):
            time.sleep(0.25)
        requested = [r for r in receiver.received if r.headers.get("X-Chidao-Event") == "extension.requested"]
        assert len(requested) == 1 and verify(secret, requested[0])
        admin.goto(f"{server.url}/admin/webhooks")  # not reload: that would post the form again
        assert "Đã gửi" in admin.locator("#deliveries").inner_text()
        screenshot(admin, "18-webhooks-admin")

        # The clerk's next daily digest (``chidao remind`` from cron, to a real SMTP server)
        # holds the request in the queue of what waits for the office.
        clerk.goto(f"{server.url}/account/mail")
        clerk.locator("#m-email").fill(CLERK_MAIL)
        clerk.get_by_role("button", name="Lưu").click()
        clerk.wait_for_load_state()
        with smtp_server() as inbox:
            env = {**server.env, "CHIDAO_SMTP_HOST": inbox.host, "CHIDAO_SMTP_PORT": str(inbox.port)}
            env["CHIDAO_MAIL_FROM"] = "chidao@tinh.gov.vn"
            day = WorkCalendar().add_working_days(date.today(), 1)
            remind = [sys.executable, "-m", "chidao.cli", "remind", "--date", day.isoformat()]
            done = subprocess.run(remind, env=env, capture_output=True, text=True, timeout=180)
            assert done.returncode == 0, done.stderr
            (mail,) = inbox.to(CLERK_MAIL)
        text = mail.get_body(("plain",)).get_content()
        assert "31/03/2027" in text and LED_BY_HEALTH in text, text[:2000]
    finally:
        receiver.stop()
