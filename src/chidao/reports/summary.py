"""The report's summary paragraph, written in Vietnamese from its figures: what was done, what is
late, and how that changed against the period before.

Numbers are written the Vietnamese way (1.234; 92,5%), as the pages write them.
"""

from __future__ import annotations

from datetime import date

from chidao.messages import msg
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
        return msg("reports.summary.unchanged", noun=noun, now=number(now))
    figures = {"noun": noun, "delta": number(abs(now - before)), "before": number(before), "now": number(now)}
    return msg("reports.summary.rose", **figures) if now > before else msg("reports.summary.fell", **figures)


def _figures(totals: Totals) -> str:
    done = totals.completed
    return msg(
        "reports.summary.figures",
        dated=number(totals.dated),
        done=number(done),
        share=percent(done, totals.dated),
        on_time=number(totals.done_on_time),
        late=number(totals.done_late),
        open=number(totals.in_time + totals.overdue),
        in_time=number(totals.in_time),
        overdue=number(totals.overdue),
    )


def _comparison(totals: Totals, previous: Totals, previous_label: str) -> str:
    if not previous.total:
        return msg("reports.summary.no_previous", previous=previous_label)
    now_share, before_share = totals.on_time_share, previous.on_time_share
    parts = [
        _change(totals.completed, previous.completed, msg("reports.summary.completed_noun")),
        _change(totals.overdue, previous.overdue, msg("reports.summary.overdue_noun")),
    ]
    if now_share is not None and before_share is not None:
        points = round(100 * (now_share - before_share), 1)
        if points == 0:
            parts.append(msg("reports.summary.on_time_unchanged"))
        else:
            shown = decimal(abs(points))
            rose = points > 0
            parts.append(
                msg("reports.summary.on_time_rose", points=shown)
                if rose
                else msg("reports.summary.on_time_fell", points=shown)
            )
    return msg("reports.summary.comparison", previous=previous_label, changes="; ".join(parts))


def _ranking(scores: list[Score]) -> str:
    ranked = [s for s in scores if s.value is not None]
    if not ranked:
        return ""
    best = ", ".join(msg("reports.summary.score", agency=s.name, score=decimal(s.value)) for s in ranked[:3])
    text = " " + msg("reports.summary.best", agencies=best)
    if len(ranked) > 3:
        last = ranked[-1]
        text += " " + msg(
            "reports.summary.lowest", score=msg("reports.summary.score", agency=last.name, score=decimal(last.value))
        )
    return text


def summary(
    *, scope: str, span: str, totals: Totals, previous: Totals, previous_label: str, rounds: Rounds, scores: list[Score]
) -> str:
    """The paragraph: ``scope`` is who ("toàn tỉnh", "Sở Y tế"), ``span`` the dates."""
    text = msg("reports.summary.opening", span=span, scope=scope, total=number(totals.total), new=number(totals.new))
    text += " " + _figures(totals)
    if totals.no_deadline:
        text += " " + msg(
            "reports.summary.no_deadline", count=number(totals.no_deadline), done=number(totals.no_deadline_done)
        )
    if rounds.due:
        done = rounds.done_on_time + rounds.done_late
        text += " " + msg(
            "reports.summary.rounds", due=number(rounds.due), done=number(done), overdue=number(rounds.overdue)
        )
    return f"{text} {_comparison(totals, previous, previous_label)}{_ranking(scores)}"
