"""The bundled example notices, written for these tests, cover every extraction rule."""

from chidao import extract_text


class _ByStart(dict):
    """Tasks looked up by the first words of their text."""

    def __getitem__(self, prefix):
        found = [t for t in self.values() if " ".join(t["text"].split()).startswith(prefix)]
        assert len(found) == 1, (prefix, [t["text"][:40] for t in found])
        return found[0]


def tasks_by_start(result):
    return _ByStart(enumerate(result["tasks"]))


def test_conclusion_notice(example_texts):
    result = extract_text(example_texts["tb-ket-luan-chuyen-doi-so.txt"])
    doc = result["document"]
    assert doc["issuer"] == "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH"
    assert doc["meeting_date"] == "2024-03-12"
    assert doc["signature"] == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
    assert {k: doc[k] for k in ("doc_type", "number", "place", "date", "title", "chair", "signer", "is_directive")} == {
        "doc_type": "THÔNG BÁO",
        "number": "125/TB-UBND",
        "place": "Hòa Bình Xanh",
        "date": "2024-03-15",
        "title": "Kết luận của Chủ tịch UBND tỉnh Nguyễn Văn An tại cuộc họp về công tác chuyển đổi số quý I năm 2024",
        "chair": "Nguyễn Văn An",
        "signer": "Trần Thị Bình",
        "is_directive": True,
    }
    tasks = tasks_by_start(result)
    assert len(result["tasks"]) == 9  # the assessment under "1. Đánh giá chung" is not a task
    plan = tasks["Chủ trì, phối hợp với"]
    assert plan["lead"] == ["Sở Thông tin và Truyền thông"]  # inherited from the heading "a) Sở ...:"
    assert plan["coordinators"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert plan["deadline"] == "2024-04-30" and plan["deadline_text"] == "trước ngày 30/4/2024"
    security = tasks["Phối hợp với Công"]
    assert security["coordinators"] == ["Công an tỉnh"] and security["deadline"] == "2024-06-30"
    report = tasks["Báo cáo hằng tháng kết"]
    assert report["recurrence"] == "monthly" and report["deadline"] is None
    staff = tasks["Giao Sở Nội vụ"]
    assert staff["lead"] == ["Sở Nội vụ"] and staff["coordinators"] == ["Sở Thông tin và Truyền thông"]
    assert staff["deadline"] == "2024-05-31"
    budget = tasks["Sở Tài chính, Sở"]
    assert budget["lead"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    district = tasks["Phối hợp với các"]
    assert district["lead"] == ["Ủy ban nhân dân các huyện, thành phố"]
    assert district["coordinators"] == ["Các doanh nghiệp viễn thông"]
    office = tasks["Văn phòng UBND tỉnh"]
    assert office["recurrence"] == "quarterly"
    police = tasks["Giao Công an tỉnh"]  # split from the office's item: a different lead
    assert police["lead"] == ["Công an tỉnh"]
    # 10 working days from Friday 15/3/2024: 18-22/3 and 25-29/3.
    assert police["deadline"] == "2024-03-29"


def test_letter_assigning_tasks(example_texts):
    result = extract_text(example_texts["cv-giao-nhiem-vu-y-te.txt"])
    assert result["document"]["doc_type"] == "CÔNG VĂN"
    assert result["document"]["title"] == "tăng cường phòng, chống dịch sốt xuất huyết"
    leads = [t["lead"] for t in result["tasks"]]
    # The addressees after "Kính gửi:" and the closing "Trong quá trình thực hiện ..." are not tasks.
    assert leads == [["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], ["Ủy ban nhân dân các huyện, thành phố"]]
    assert result["tasks"][0]["coordinators"] == ["Ủy ban nhân dân các huyện, thành phố"]
    assert result["tasks"][1]["recurrence"] == "weekly"
    assert result["tasks"][2]["recurrence"] == "daily"


def test_news_report_is_not_a_directive(example_texts):
    result = extract_text(example_texts["tin-hoi-nghi-so-ket.txt"])
    assert result["document"]["is_directive"] is False
    assert result["tasks"] == []
    assert result["document"]["chair"] == "Phạm Thu Hà"
    assert result["document"]["signer"] is None  # a news author is not a signer


def test_spans_point_at_task_text(example_texts):
    for text in example_texts.values():
        from chidao.text import normalize

        normalized = normalize(text).text
        for task in extract_text(text)["tasks"]:
            start, end = task["span"]
            assert normalized[start:end] == task["text"]


def test_news_item_relaying_a_directive(example_texts):
    result = extract_text(example_texts["tin-chi-dao-phong-chong-bao.txt"])
    doc = result["document"]
    assert doc["doc_type"] is None and doc["number"] is None and doc["is_directive"] is True
    tasks = result["tasks"]
    assert [t["lead"] for t in tasks] == [
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Ủy ban nhân dân các huyện, thị xã, thành phố"],
        ["Đài Phát thanh và Truyền hình tỉnh", "Báo Hòa Bình Xanh"],
    ]
    assert tasks[0]["text"].startswith("Công điện nêu rõ: giao Sở")  # the narration before it is not the task
    assert tasks[0]["coordinators"] == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]
    assert tasks[1]["deadline"] == "2024-09-06"
    assert tasks[2]["recurrence"] == "daily"
    assert not tasks[2]["text"].rstrip().endswith("Thanh Hương")  # the author's byline is not part of it


def test_plan_lines_give_lead_coordinators_and_deadline(example_texts):
    tasks = tasks_by_start(extract_text(example_texts["kh-to-chuc-thuc-hien.txt"]))
    review = tasks["Rà soát, đề xuất cắt giảm"]
    assert review["lead"] == ["Văn phòng Ủy ban nhân dân tỉnh"]
    assert review["coordinators"] == ["Sở Tư pháp", "Sở Khoa học và Công nghệ"]
    assert review["deadline"] == "2025-06-30"
    assert tasks["Rà soát chức năng"]["lead"] == ["Sở Nội vụ"]
    assert tasks["Rà soát chức năng"]["deadline"] == "2025-12-31"
    reports = tasks["Các sở, ban, ngành"]
    assert reports["recurrence"] == "quarterly"
    assert tasks["Sở Nội vụ theo dõi"]["deadline"] == "2025-12-15"
    # Purposes under "I. MỤC ĐÍCH, YÊU CẦU" name no agency and are not tasks.
    assert not any(" ".join(t["text"].split()).startswith("Nâng cao chất lượng") for t in tasks.values())


def test_peoples_council_resolution(example_texts):
    result = extract_text(example_texts["nq-hdnd-giam-sat.txt"])
    assert result["document"]["doc_type"] == "NGHỊ QUYẾT"
    leads = [t["lead"] for t in result["tasks"]]
    # "Điều 3. ... giám sát việc thực hiện Nghị quyết này" is the closing article, not a task.
    assert leads == [["Sở Giáo dục và Đào tạo"], ["Sở Tài chính"]]
    assert result["tasks"][0]["deadline"] == "2024-09-30"
