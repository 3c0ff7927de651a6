"""The task list: filters as the API reads them, diacritic-free search, sorting, pages that keep
the filters, Vietnamese 422 pages for bad parameters, and the CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from pagekit import PLAN, POLICE, TTTT, conversion, ids_in, task_id, words
from siteclient import HEALTH

from chidao.tracking import task_export
from chidao.web.pages.tasks import csv_export
from chidao.web.pages.tasks.csv_export import safe_cell


@pytest.fixture
def notices(site):
    """Both example notices, confirmed: 9 tasks of the conversion notice, 3 of the health one."""
    document, _ = conversion(site)
    return document, site.document(HEALTH)


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_list_shows_every_tracked_task_with_dates_and_states(site, notices):
    conversion_doc, _ = notices
    page = site.login("viewer").get("/tasks")
    assert page.status_code == 200
    assert len(ids_in(page.text)) == 12
    text = words(page.text)
    assert "12 nhiệm vụ · hiển thị 1–12" in text
    assert "30/04/2024" in text and "29/03/2024" in text and "2024-04-30" not in text
    assert "Quá hạn" in text and "Chưa đến hạn" in text and "Không có thời hạn" in text
    assert f'href="/documents/{conversion_doc["id"]}">125/TB-UBND</a>' in page.text
    assert 'aria-current="page">Nhiệm vụ</a>' in page.text
    assert '<table class="stack tasks">' in page.text and 'data-label="Thời hạn"' in page.text


def test_the_agency_field_suggests_the_registry_names(site, notices):
    page = site.login("viewer").get("/tasks")
    assert 'list="agency-names"' in page.text
    assert f'<option value="{TTTT}"></option>' in page.text
    assert '<option value="Sở Tư pháp"></option>' in page.text  # a registry agency without tasks yet


def test_a_renamed_agency_shows_in_the_suggestions_at_once(site, notices):
    # The suggestions' HTML is kept in memory by the names (issue 10, item 10): never stale.
    browser = site.login("viewer")
    assert '<option value="Sở Tư pháp"></option>' in browser.get("/tasks").text
    found = site.api("GET", "/agencies", params={"q": "Sở Tư pháp"}).json()["items"]
    agency = next(a for a in found if a["name"] == "Sở Tư pháp")
    renamed = site.api("PATCH", f"/agencies/{agency['id']}", json={"name": "Sở Tư pháp và Hộ tịch"})
    assert renamed.status_code == 200
    page = browser.get("/tasks").text
    assert '<option value="Sở Tư pháp và Hộ tịch"></option>' in page
    assert '<option value="Sở Tư pháp"></option>' not in page


@pytest.mark.parametrize("q", ["chuyen doi so", "chuyển đổi số", "CHUYEN DOI SO"])
def test_search_finds_words_with_or_without_diacritics(site, notices, q):
    page = site.login("viewer").get("/tasks", params={"q": q})
    found = ids_in(page.text)
    assert found and len(found) < 12
    assert all("chuyển đổi số" in t["text"] for t in notices[0]["tasks"] if t["id"] in found)
    assert f'value="{q}"' in page.text  # the search box keeps what was typed


def test_filters_combine_as_in_the_api(site, notices):
    viewer = site.login("viewer")
    conversion_doc, health_doc = notices
    cases = [
        ({"agency": TTTT, "role": "lead"}, {"agency": TTTT, "role": "lead"}),
        ({"agency": "so tai chinh", "role": "coordinator"}, {"agency": "so tai chinh", "role": "coordinator"}),
        ({"status": ["assigned"], "timing_state": ["overdue"]}, {"status": "assigned", "timing_state": "overdue"}),
        ({"deadline_from": "2024-04-01", "deadline_to": "2024-06-30"}, None),
        ({"document_id": str(health_doc["id"])}, {"document_id": health_doc["id"]}),
        ({"timing_state": ["no_deadline", "overdue"]}, {"timing_state": "no_deadline,overdue"}),
    ]
    for params, api_params in cases:
        page = viewer.get("/tasks", params=params)
        assert page.status_code == 200, params
        api = site.api("GET", "/tasks", who="viewer", params=api_params or params).json()
        assert sorted(ids_in(page.text)) == sorted(t["id"] for t in api["items"]), params
    dates = viewer.get("/tasks", params={"deadline_from": "01/04/2024", "deadline_to": "30/06/2024"})
    assert sorted(ids_in(dates.text)) == sorted(
        t["id"] for t in conversion_doc["tasks"] if t["deadline"] and "2024-04-01" <= t["deadline"] <= "2024-06-30"
    )
    assert 'value="01/04/2024"' in dates.text  # the date field shows the date it understood, dd/mm/yyyy
    assert 'id="f-from" name="deadline_from" value="01/04/2024"' in viewer.get("/tasks", params=cases[3][0]).text
    assert "Thời hạn từ ngày 01/04/2024 đến ngày 30/06/2024." in words(dates.text)  # whatever the browser's locale


def test_the_form_shows_the_filters_back(site, notices):
    page = site.login("viewer").get(
        "/tasks", params={"agency": TTTT, "role": "lead", "status": ["assigned", "paused"], "timing_state": "overdue"}
    )
    assert f'value="{TTTT}"' in page.text
    assert '<option value="lead" selected>' in page.text
    assert 'value="assigned" checked' in page.text and 'value="paused" checked' in page.text
    assert 'value="in_progress" checked' not in page.text
    assert 'name="timing_state" value="overdue" checked' in page.text
    for name in ("f-q", "f-agency", "f-role", "f-from", "f-to", "f-doc", "f-per"):
        assert f'<label for="{name}">' in page.text, name


def test_sorting_follows_the_api_and_links_keep_the_filters(site, notices):
    viewer = site.login("viewer")
    for sort in ("deadline", "-deadline", "created", "-created", "status"):
        page = viewer.get("/tasks", params={"sort": sort, "per_page": "50"})
        api = site.api("GET", "/tasks", who="viewer", params={"sort": sort}).json()
        assert ids_in(page.text) == [t["id"] for t in api["items"]], sort
    page = viewer.get("/tasks", params={"status": "assigned", "sort": "deadline"})
    assert 'aria-sort="ascending"><a href="/tasks?status=assigned&amp;sort=-deadline"' in page.text
    assert 'href="/tasks?status=assigned&amp;sort=created"' in page.text
    assert '<input type="hidden" name="sort" value="deadline">' in page.text


def test_pages_keep_the_filters(site, notices):
    viewer = site.login("viewer")
    first = viewer.get("/tasks", params={"document_id": "1", "per_page": "20", "sort": "created"})
    assert len(ids_in(first.text)) == 9
    page = viewer.get("/tasks", params={"document_id": "1", "per_page": "2", "sort": "created"})
    assert ids_in(page.text) == [1, 2]
    assert "9 nhiệm vụ · hiển thị 1–2" in words(page.text)
    assert 'href="/tasks?document_id=1&amp;per_page=2&amp;sort=created&amp;page=2" rel="next"' in page.text
    assert 'aria-current="page">1</span>' in page.text and "page=5" in page.text
    second = viewer.get("/tasks", params={"document_id": "1", "per_page": "2", "sort": "created", "page": "2"})
    assert ids_in(second.text) == [3, 4]
    assert 'rel="prev"' in second.text
    beyond = viewer.get("/tasks", params={"document_id": "1", "per_page": "2", "page": "40"})
    assert beyond.status_code == 200 and "Không có nhiệm vụ nào phù hợp." in beyond.text


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"per_page": "1000"},
        {"status": "foo"},
        {"status": "assigned,foo"},
        {"timing_state": "late"},
        {"role": "boss"},
        {"deadline_from": "31/02/2024"},
        {"deadline_to": "hôm qua"},
        {"document_id": "abc"},
        {"document_id": "99999999999"},
        {"sort": "text"},
        {"q": "x" * 301},
    ],
)
def test_bad_parameters_answer_a_vietnamese_422_page(site, params):
    browser = site.login("viewer")
    for path in ("/tasks", "/tasks.csv"):
        page = browser.get(path, params=params)
        assert page.status_code == 422, (path, params)
        assert "Dữ liệu không hợp lệ" in page.text and page.headers["content-type"].startswith("text/html")


def test_an_agency_officer_lists_only_their_agency_tasks(site, notices):
    officer = site.login("officer")
    mine = ids_in(officer.get("/tasks").text)
    expected = [t["id"] for t in notices[0]["tasks"] if TTTT in t["lead"] + t["coordinators"]]
    assert sorted(mine) == sorted(expected) and len(mine) == 4
    lead_only = ids_in(officer.get("/tasks", params={"role": "lead"}).text)
    assert sorted(lead_only) == sorted(t["id"] for t in notices[0]["tasks"] if TTTT in t["lead"])
    assert ids_in(officer.get("/tasks", params={"agency": "Sở Y tế"}).text) == []
    assert ids_in(site.login("health").get("/tasks").text) == [t["id"] for t in notices[1]["tasks"][:1]]


def test_the_csv_has_a_bom_vietnamese_headers_and_the_filtered_rows(site, notices):
    viewer = site.login("viewer")
    response = viewer.get("/tasks.csv", params={"q": "chuyen doi so", "sort": "deadline"})
    assert response.headers["content-disposition"] == 'attachment; filename="nhiem-vu-20240401.csv"'
    rows = rows_of(response)
    assert rows[0] == [
        "Mã",
        "Nhiệm vụ",
        "Chủ trì",
        "Phối hợp",
        "Thời hạn",
        "Trạng thái",
        "Tiến độ (%)",
        "Tình trạng thời hạn",
        "Ngày hoàn thành",
        "Văn bản",
    ]
    plan = task_id(notices[0], PLAN)
    assert rows[1] == [
        str(plan),
        next(t["text"] for t in notices[0]["tasks"] if t["id"] == plan),
        TTTT,
        "Sở Tài chính; Sở Kế hoạch và Đầu tư",
        "30/04/2024",
        "Mới giao",
        "0",
        "Chưa đến hạn",
        "",
        "125/TB-UBND",
    ]
    page = viewer.get("/tasks", params={"q": "chuyen doi so", "sort": "deadline"})
    assert [int(r[0]) for r in rows[1:]] == ids_in(page.text)
    assert 'href="/tasks.csv?q=chuyen+doi+so&amp;sort=deadline"' in page.text
    assert 'href="/tasks.csv?q=chuyen+doi+so&amp;sort=deadline&amp;sep=semicolon"' in page.text


def test_the_csv_for_excel_is_semicolon_separated_with_progress(site, notices):
    """Excel under Vietnamese regional settings splits columns at ";" (issue 12)."""
    plan = task_id(notices[0], PLAN)
    version = site.api("GET", f"/tasks/{plan}").json()["version"]
    changed = site.api("PATCH", f"/tasks/{plan}", json={"progress": 40, "version": version})
    assert changed.status_code == 200, changed.text
    response = site.login("viewer").get("/tasks.csv", params={"sep": "semicolon", "q": "chuyen doi so"})
    assert response.content.startswith("\ufeffMã;Nhiệm vụ;Chủ trì;".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    row = next(r for r in rows[1:] if r[0] == str(plan))
    assert row[6] == "40" and row[3] == "Sở Tài chính; Sở Kế hoạch và Đầu tư"  # a "; " inside a cell is quoted
    assert site.login("viewer").get("/tasks.csv", params={"sep": "tab"}).status_code == 422


def test_the_csv_keeps_the_scope_of_an_agency_officer(site, notices):
    rows = rows_of(site.login("health").get("/tasks.csv"))
    assert [r[2] for r in rows[1:]] == ["Sở Y tế"]


def test_csv_cells_cannot_start_a_formula(site, notices):
    police = task_id(notices[0], POLICE)
    version = site.api("GET", f"/tasks/{police}").json()["version"]
    formula = '=HYPERLINK("http://evil.example","bấm vào đây")'
    response = site.api("PATCH", f"/tasks/{police}", json={"version": version, "text": formula})
    assert response.status_code == 200, response.text
    rows = rows_of(site.login("viewer").get("/tasks.csv", params={"timing_state": "overdue"}))
    assert "'" + formula in [r[1] for r in rows[1:]]  # among the overdue: the police task and two rounds
    for value, expected in [
        ("=1+1", "'=1+1"),
        ("+84 912", "'+84 912"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Sở Y tế", "Sở Y tế"),
        ("", ""),
    ]:
        assert safe_cell(value) == expected


def test_the_csv_is_read_in_batches_in_every_order_and_capped(site, notices, monkeypatch):
    viewer = site.login("viewer")
    monkeypatch.setattr(task_export, "BATCH", 2)  # many keyset batches over 12 tasks
    for sort in ("deadline", "-deadline", "created", "-created", "status"):
        rows = rows_of(viewer.get("/tasks.csv", params={"sort": sort}))
        api = site.api("GET", "/tasks", who="viewer", params={"sort": sort}).json()
        assert [int(r[0]) for r in rows[1:]] == [t["id"] for t in api["items"]], sort
    monkeypatch.setattr(csv_export, "CSV_LIMIT", 5)
    rows = rows_of(viewer.get("/tasks.csv"))
    assert len(rows) == 1 + 5 + 1
    assert rows[-1][0].startswith("Lưu ý: tệp chỉ gồm 5 nhiệm vụ đầu tiên")
    page = viewer.get("/tasks")
    assert "Tệp CSV chỉ gồm 5 nhiệm vụ đầu tiên" in page.text
    exact = rows_of(viewer.get("/tasks.csv", params={"document_id": "2"}))
    assert len(exact) == 4 and not exact[-1][0].startswith("Lưu ý")  # 3 rows: under the cap, no note


def test_a_search_counted_only_to_its_cap_says_more_than(site, monkeypatch):
    from chidao.tracking import task_list

    site.document("tb-ket-luan-chuyen-doi-so.txt")
    monkeypatch.setattr(task_list, "SEARCH_COUNT_CAP", 2)
    browser = site.login("viewer")
    page = browser.get("/tasks?q=so&status=assigned&per_page=10")
    assert page.status_code == 200
    assert "hơn 2 nhiệm vụ" in page.text
    assert 'rel="next"' in page.text  # more pages may follow the counted ones
