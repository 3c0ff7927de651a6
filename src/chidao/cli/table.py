"""The human-readable table of ``chidao extract`` (rich renders Vietnamese and wraps it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from chidao.messages import msg
from chidao.vocab import Recurrence

_RECURRENCE_VI = {code: label.lower() for code, label in Recurrence.labels().items()}


def _vi_date(iso: str | None) -> str:
    if not iso:
        return ""
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def print_table(result: dict[str, Any], *, trace: bool = False, console: Console | None = None) -> None:
    """Print one document's header line and its tasks."""
    console = console or Console()
    doc = result["document"]
    heading = " · ".join(
        x for x in (doc.get("doc_type"), doc.get("number"), doc.get("place"), _vi_date(doc.get("date"))) if x
    )
    console.print(f"[bold]{result['source']}[/bold]  {heading}")
    if doc.get("title"):
        console.print(f"[italic]{doc['title']}[/italic]")
    if not result["tasks"]:
        console.print(msg("cli.table.no_tasks") + "\n")
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(msg("cli.table.task"), ratio=5)
    table.add_column(msg("cli.table.lead"), ratio=2)
    table.add_column(msg("cli.table.coordinators"), ratio=2)
    table.add_column(msg("cli.table.deadline"), ratio=1)
    for i, task in enumerate(result["tasks"], 1):
        text = " ".join(task["text"].split())
        if len(text) > 300:
            text = text[:297] + "..."
        if trace and task.get("trace"):
            text += "\n[dim]" + "; ".join(task["trace"]) + "[/dim]"
        deadline = _vi_date(task["deadline"]) or (task.get("deadline_text") or "")
        if task.get("recurrence"):
            deadline = (deadline + " " if deadline else "") + f"({_RECURRENCE_VI[task['recurrence']]})"
        table.add_row(str(i), text, "\n".join(task["lead"]), "\n".join(task["coordinators"]), deadline)
    console.print(table)
    console.print(msg("cli.table.count", count=len(result["tasks"])) + "\n")
