"""``chidao stats extraction``: how much reviewers changed what extraction proposed."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from chidao.cli.context import load_settings, open_store
from chidao.messages import msg
from chidao.tracking.database import open_sessions

_OUTCOMES_VI = {
    "unchanged": msg("cli.stats.unchanged"),
    "edited": msg("cli.stats.edited"),
    "added": msg("cli.stats.added"),
    "deleted": msg("cli.stats.deleted"),
}


@click.group("stats")
def stats_group() -> None:
    """Statistics of the tracking store."""


@stats_group.command("extraction")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--include-drafts", is_flag=True, help="Count documents still under review too.")
def extraction_command(as_json: bool, include_drafts: bool) -> None:
    """Share of tasks confirmed unchanged, edited, added and deleted, and per field."""
    from chidao.tracking.review_stats import extraction_stats

    engine = open_store(load_settings())
    with open_sessions(engine)() as session:
        figures = extraction_stats(session=session, include_drafts=include_drafts)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(f"{figures['documents']} documents, {figures['tasks']} tasks ({figures['proposed']} proposed)")
    outcomes = Table("outcome", "tasks", "share")
    for name, count in figures["counts"].items():
        outcomes.add_row(f"{name} ({_OUTCOMES_VI[name]})", str(count), f"{figures['shares'][name]:.1%}")
    console.print(outcomes)
    fields = Table("field", "changed", "unchanged", "share changed")
    for name, row in figures["fields"].items():
        fields.add_row(name, str(row["changed"]), str(row["unchanged"]), f"{row['share_changed']:.1%}")
    console.print(fields)
