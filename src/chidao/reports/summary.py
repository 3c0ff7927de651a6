"""The report's summary paragraph, written in Vietnamese from its figures: what was done, what is
late, and how that changed against the period before.

Numbers are written the Vietnamese way (1.234; 92,5%), as the pages write them.
"""

from __future__ import annotations

from datetime import date

from chidao.reports.classes import Rounds, Totals
from chidao.reports.scores import Score


def number(value: int) -> str:
    """1.234.567: thousands separated by dots."""
    return f"{value:,}".replace(",", ".")


def percent(part: int | float, whole: int | float) -> str:
    """ "92,5%" (one decimal, a decimal comma); "—" when there is no whole."""
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}%".replace(".", ",")


def decimal(value: float) -> str:
    """ "92,5": one decimal, a decimal comma."""
    return f"{value:.1f}".replace(".", ",")


def vn_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _change(now: int, before: int, noun: str) -> str:
    """ "số nhiệm vụ quá hạn giảm 3 (từ 10 xuống 7)"."""
    if now == before:
        return f"{noun} không đổi ({number(now)})"
    word, link = ("tăng", "lên") if now > before else ("giảm", "xuống")
    return f"{noun} {word} {number(abs(now - before))} (từ {number(before)} {link} {number(now)})"


def _figures(totals: Totals) -> str:
    done = totals.completed
    return (
        f"Có {number(totals.dated)} nhiệm vụ có thời hạn: đã hoàn thành {number(done)} nhiệm vụ "
        f"({percent(done, totals.dated)}), gồm {number(totals.done_on_time)} nhiệm vụ hoàn thành đúng hạn và "
        f"{number(totals.done_late)} nhiệm vụ hoàn thành quá hạn; chưa hoàn thành "
        f"{number(totals.in_time + totals.overdue)} nhiệm vụ, trong đó {number(totals.in_time)} nhiệm vụ còn "
        f"trong hạn và {number(totals.overdue)} nhiệm vụ đã quá hạn."
    )


def _comparison(totals: Totals, previous: Totals, previous_label: str) -> str:
    if not previous.total:
        return f"Kỳ trước ({previous_label}) chưa có nhiệm vụ để so sánh."
    now_share, before_share = totals.on_time_share, previous.on_time_share
    parts = [
        _change(totals.completed, previous.completed, "số nhiệm vụ hoàn thành"),
        _change(totals.overdue, previous.overdue, "số nhiệm vụ quá hạn"),
    ]
    if now_share is not None and before_share is not None:
        points = round(100 * (now_share - before_share), 1)
        trend = "không đổi" if points == 0 else f"{'tăng' if points > 0 else 'giảm'} {decimal(abs(points))}"
        parts.append(f"tỷ lệ hoàn thành đúng hạn {trend}{' điểm phần trăm' if points else ''}")
    return f"So với kỳ trước ({previous_label}), " + "; ".join(parts) + "."


def _ranking(scores: list[Score]) -> str:
    ranked = [s for s in scores if s.value is not None]
    if not ranked:
        return ""
    best = ", ".join(f"{s.name} ({decimal(s.value)} điểm)" for s in ranked[:3])
    text = f" Các cơ quan có điểm đánh giá cao nhất: {best}."
    if len(ranked) > 3:
        last = ranked[-1]
        text += f" Thấp nhất: {last.name} ({decimal(last.value)} điểm)."
    return text


def summary(
    *, scope: str, span: str, totals: Totals, previous: Totals, previous_label: str, rounds: Rounds, scores: list[Score]
) -> str:
    """The paragraph: ``scope`` is who ("toàn tỉnh", "Sở Y tế"), ``span`` the dates."""
    text = (
        f"Trong kỳ báo cáo ({span}), {scope} theo dõi {number(totals.total)} nhiệm vụ, trong đó "
        f"{number(totals.new)} nhiệm vụ được giao trong kỳ. {_figures(totals)}"
    )
    if totals.no_deadline:
        text += (
            f" Ngoài ra có {number(totals.no_deadline)} nhiệm vụ không có thời hạn "
            f"({number(totals.no_deadline_done)} nhiệm vụ đã hoàn thành)."
        )
    if rounds.due:
        text += (
            f" Các nhiệm vụ định kỳ có {number(rounds.due)} lượt đến hạn trong kỳ, đã thực hiện "
            f"{number(rounds.done_on_time + rounds.done_late)} lượt, quá hạn {number(rounds.overdue)} lượt."
        )
    return f"{text} {_comparison(totals, previous, previous_label)}{_ranking(scores)}"
