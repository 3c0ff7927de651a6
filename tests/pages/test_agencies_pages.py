"""The agencies: the list with what each leads open, overdue and done, name search without
diacritics, and one agency's page with its figures and tasks (officers: their own agency only)."""

from __future__ import annotations

import re

import pytest
from pagekit import PLAN, TTTT, conversion, ids_in, main, task_id, task_version, words
from siteclient import HEALTH
from sqlalchemy import text


@pytest.fixture
def notices(site):
    """The conversion notice, confirmed."""
    document, _ = conversion(site)
    return (document,)


def agency_id(site, name: str) -> int:
    with site.engine.connect() as connection:
        return connection.scalar(text("SELECT id FROM agencies WHERE name = :n"), {"n": name})


def row(page: str, name: str) -> list[str]:
    """The cells of an agency's row: its name, then its four figures."""
    found = re.search(rf"<tr>\s*<td data-label=\"Cơ quan\">(?:<a [^>]+>)?{re.escape(name)}(.*?)</tr>", page, re.S)
    assert found, name
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", found.group(1), re.S)]


def test_the_list_gives_each_agency_its_figures(site, notices):
    plan = task_id(notices[0], PLAN)
    officer = site.login("officer")
    form = {"kind": "completion", "note": "Xong", "version": str(task_version(officer, plan))}
    assert officer.post(f"/tasks/{plan}/progress", form).status_code == 303
    page = site.login("clerk").get("/agencies")
    assert page.status_code == 200 and 'aria-current="page">Cơ quan</a>' in page.text
    # leads 2 open (the monthly report overdue: its round of 25/3) and 1 done; coordinates 1
    assert row(page.text, TTTT) == ["2", "1", "1", "1"]
    assert row(page.text, "Công an tỉnh") == ["1", "1", "0", "1"]
    assert row(page.text, "Sở Tài chính") == ["1", "0", "0", "0"]  # the plan it coordinated is done
    assert "Sở Tư pháp" not in page.text  # no task names it
    site.document(HEALTH, confirm=False)  # Sở Y tế leads a task of a draft: not open, not done either
    second = task_id(notices[0], "Phối hợp với Công an tỉnh")
    clerk = site.login("clerk")
    form = {"status": "cancelled", "percent": "0", "version": str(task_version(clerk, second))}
    assert clerk.post(f"/tasks/{second}/status", form).status_code == 303  # cancelled: not done either
    page = clerk.get("/agencies")
    assert row(page.text, TTTT) == ["1", "1", "1", "1"]
    assert row(page.text, "Sở Y tế") == ["0", "0", "0", "0"]
    everyone = site.login("clerk").get("/agencies?show=all&q=tu+phap")
    assert row(everyone.text, "Sở Tư pháp") == ["0", "0", "0", "0"]


def test_names_are_found_without_diacritics_and_sorted_by_overdue(site, notices):
    clerk = site.login("clerk")
    found = clerk.get("/agencies", params={"q": "thong tin truyen"})
    assert TTTT in found.text and "Công an tỉnh" not in main(found.text)
    assert "1 cơ quan" in words(found.text)
    overdue = clerk.get("/agencies", params={"sort": "overdue"})
    assert "Chỉ liệt kê các cơ quan đang chủ trì nhiệm vụ quá hạn." in overdue.text
    # the police task, and the first rounds of the monthly (TT&TT) and quarterly (Văn phòng) reports
    listed = re.findall(r'data-label="Cơ quan"><a href="/agencies/\d+">([^<]+)<', overdue.text)
    assert sorted(listed) == sorted(["Công an tỉnh", TTTT, "Văn phòng Ủy ban nhân dân tỉnh"])
    assert '<option value="overdue" selected>' in overdue.text


def test_an_agency_page_shows_its_figures_and_tasks_by_role(site, notices):
    clerk = site.login("clerk")
    ident = agency_id(site, TTTT)
    page = clerk.get(f"/agencies/{ident}")
    assert page.status_code == 200
    text = words(page.text)
    assert TTTT in text and "Chủ trì, đang thực hiện 3" in text and "Phối hợp, đang thực hiện 1" in text
    assert "4 nhiệm vụ" in text and len(ids_in(page.text)) == 4
    assert (
        'href="/tasks?agency=S%E1%BB%9F+Th%C3%B4ng+tin+v%C3%A0+Truy%E1%BB%81n+th%C3%B4ng&amp;timing_state=not_due"'
        in page.text
    )
    lead = clerk.get(f"/agencies/{ident}", params={"role": "lead"})
    assert len(ids_in(lead.text)) == 3 and 'aria-current="page">Chủ trì</span>' in lead.text
    coordinator = clerk.get(f"/agencies/{ident}", params={"role": "coordinator"})
    assert ids_in(coordinator.text) == [task_id(notices[0], "Giao Sở Nội vụ")]
    assert clerk.get(f"/agencies/{ident}", params={"role": "boss"}).status_code == 422
    assert clerk.get(f"/agencies/{ident}", params={"page": "abc"}).status_code == 422
    missing = clerk.get("/agencies/999999")
    assert missing.status_code == 404 and "Không tìm thấy" in missing.text


def test_officers_see_the_list_but_only_their_own_agency_page(site, notices):
    officer = site.login("officer")
    mine, police = agency_id(site, TTTT), agency_id(site, "Công an tỉnh")
    page = officer.get("/agencies")
    assert page.status_code == 200
    assert f'href="/agencies/{mine}"' in page.text and f'href="/agencies/{police}"' not in page.text
    assert row(page.text, "Công an tỉnh") == ["1", "1", "0", "1"]  # figures are public, as in the API
    assert officer.get(f"/agencies/{mine}").status_code == 200
    assert officer.get(f"/agencies/{police}").status_code == 404
    for who in ("admin", "clerk", "viewer"):
        assert site.login(who).get(f"/agencies/{police}").status_code == 200, who


def test_the_agency_list_pages(site, notices):
    clerk = site.login("clerk")
    page = clerk.get("/agencies", params={"show": "all"})
    assert 'rel="next"' in page.text and "show=all" in page.text
    assert clerk.get("/agencies", params={"sort": "size"}).status_code == 422
    assert clerk.get("/agencies", params={"page": "-1"}).status_code == 422
