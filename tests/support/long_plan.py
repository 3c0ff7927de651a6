"""A long Kế hoạch written for the review-table browser test: 86 numbered items, each
"Giao Sở ... chủ trì, phối hợp với ..., hoàn thành trước ngày dd/mm/yyyy", agencies and dates
varied (so extraction gives about one task per item)."""

from __future__ import annotations

LEADS = (
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
)
WORKS = (
    "rà soát, đánh giá kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội của ngành",
    "xây dựng kế hoạch chuyển đổi số và cơ sở dữ liệu chuyên ngành",
    "tổ chức kiểm tra việc giải quyết thủ tục hành chính tại bộ phận một cửa",
    "tham mưu ban hành quy định phân cấp quản lý trong lĩnh vực phụ trách",
    "đề xuất danh mục dự án đầu tư công trung hạn giai đoạn 2026 - 2030",
    "hoàn thiện hồ sơ đề án nâng cao chất lượng dịch vụ công trực tuyến",
    "tổng hợp khó khăn, vướng mắc của doanh nghiệp và đề xuất giải pháp tháo gỡ",
    "triển khai thí điểm mô hình quản lý mới tại một số huyện",
)
MONTHS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
ITEMS = 86
# Items that name no agency: extraction takes the previous item's lead, and doubts it.
UNNAMED = {
    27: "Tăng cường kiểm tra, xử lý nghiêm các vi phạm trong lĩnh vực được giao",
    61: "Đôn đốc, hướng dẫn các địa phương hoàn thành chỉ tiêu được giao",
}


def item(n: int) -> str:
    lead = LEADS[n % len(LEADS)]
    helper = LEADS[(n * 7 + 3) % len(LEADS)]
    if helper == lead:
        helper = LEADS[(n + 1) % len(LEADS)]
    day, month = 5 + (n * 3) % 24, MONTHS[n % len(MONTHS)]
    work = WORKS[n % len(WORKS)]
    if n in UNNAMED:
        return f"{n}. {UNNAMED[n]}, báo cáo kết quả trước ngày {day:02d}/{month:02d}/2026."
    return f"{n}. Giao {lead} chủ trì, phối hợp với {helper} {work}, hoàn thành trước ngày {day:02d}/{month:02d}/2026."


def plan_text() -> str:
    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH XANH\nSố: 87/KH-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Hòa Bình Xanh, ngày 12 tháng 01 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện các nhiệm vụ trọng tâm năm 2026\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n"
        "Cụ thể hóa các nhiệm vụ phát triển kinh tế - xã hội năm 2026; phân công rõ cơ quan chủ trì, "
        "thời hạn hoàn thành.\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
    )
    body = "\n".join(item(n) for n in range(1, ITEMS + 1))
    tail = (
        "\n\nIII. TỔ CHỨC THỰC HIỆN\n\nThủ trưởng các sở, ngành triển khai thực hiện; báo cáo kết quả "
        "về Văn phòng UBND tỉnh.\n\nNơi nhận:\n- Các sở, ngành;\n- Lưu: VT.\n\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    return head + body + tail
