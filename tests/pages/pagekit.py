"""Helpers of the tracking page tests: find tasks, read pages like a user would, and prove that a
refused form changed nothing (a snapshot of every table a form writes to)."""

from __future__ import annotations

import html
import re

from siteclient import CONVERSION, Browser, Site
from sqlalchemy import text

PLAN = "Chủ trì, phối hợp với Sở Tài chính"  # lead Sở TT&TT; coordinators Sở Tài chính, Sở KH&ĐT; due 30/4/2024
POLICE = "Giao Công an tỉnh hướng dẫn"  # lead Công an tỉnh; due 29/3/2024 (overdue on 1/4/2024)
TTTT = "Sở Thông tin và Truyền thông"


def task_id(document: dict, fragment: str) -> int:
    """The id of the document's task whose text contains ``fragment``."""
    found = [t["id"] for t in document["tasks"] if fragment in t["text"]]
    assert len(found) == 1, (fragment, [t["text"] for t in document["tasks"]])
    return found[0]


def conversion(site: Site) -> tuple[dict, int]:
    """The conversion notice, confirmed, and its first task (the officer's agency leads it)."""
    document = site.document(CONVERSION)
    return document, task_id(document, PLAN)


def main(page: str) -> str:
    """The page's <main> (without the layout's header and its logout form)."""
    found = re.search(r"<main\b.*?</main>", page, re.S)
    assert found, "no <main> on the page"
    return found.group(0)


def words(page: str) -> str:
    """The visible text of <main>, tags removed and spaces collapsed."""
    stripped = re.sub(r"<[^>]+>", " ", main(page))
    return re.sub(r"\s+", " ", html.unescape(stripped)).strip()


def post_forms(page: str) -> set[str]:
    """The actions of the POST forms in <main>."""
    return set(re.findall(r'<form method="post" action="([^"]+)"', main(page)))


def version_of(page: str) -> int:
    found = re.search(r'name="version" value="(\d+)"', page)
    assert found, "no version field on the page"
    return int(found.group(1))


def task_version(browser: Browser, task: int) -> int:
    """The version the task page's forms carry (read by opening the page, like a user)."""
    return version_of(browser.get(f"/tasks/{task}").text)


def snapshot(site: Site) -> tuple:
    """Everything the task forms write: tasks' tracking fields, reports, files, extensions, history."""
    with site.engine.connect() as connection:
        tasks = connection.execute(
            text("SELECT id, version, status, progress, deadline, completed_on FROM tasks ORDER BY id")
        ).all()
        extensions = connection.execute(text("SELECT id, status, decision_note FROM extensions ORDER BY id")).all()
        counts = [
            connection.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in ("progress_reports", "attachments", "audit_log")
        ]
    return tasks, extensions, counts


def ids_in(page: str) -> list[int]:
    """Task ids in the order the list shows them."""
    return [int(i) for i in re.findall(r'<td data-label="Mã"><a href="/tasks/(\d+)">', page)]
