"""Command line: extract, ingest, jobs, serve, remind, notify, webhooks, report, user, token, stats, and the
database commands (init, migrate, backup, restore)."""

from __future__ import annotations

import click

from chidao import __version__
from chidao.cli.agency_cmds import agencies_group
from chidao.cli.agency_lifecycle_cmds import dissolve_command, split_command
from chidao.cli.database_cmds import backup_command, init_command, migrate_command, restore_command
from chidao.cli.extract_cmd import extract_command
from chidao.cli.feeds_cmds import notify_command, webhooks_group
from chidao.cli.ingest_cmd import ingest_command
from chidao.cli.jobs_cmd import jobs_group
from chidao.cli.remind_cmds import import_contacts_command, remind_command
from chidao.cli.report_cmd import report_command
from chidao.cli.serve_cmd import serve_command
from chidao.cli.stats_cmd import stats_group
from chidao.cli.user_cmds import token_group, user_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chidao")
def cli() -> None:
    """chidao: theo dõi nhiệm vụ được giao trong thông báo kết luận / follow up assigned tasks."""


cli.add_command(extract_command)
cli.add_command(ingest_command)
cli.add_command(jobs_group)
cli.add_command(serve_command)
cli.add_command(user_group)
cli.add_command(token_group)
cli.add_command(stats_group)
cli.add_command(init_command)
cli.add_command(migrate_command)
cli.add_command(backup_command)
cli.add_command(restore_command)
cli.add_command(agencies_group)
cli.add_command(remind_command)
agencies_group.add_command(import_contacts_command)
agencies_group.add_command(split_command)
agencies_group.add_command(dissolve_command)
cli.add_command(notify_command)
cli.add_command(webhooks_group)
cli.add_command(report_command)


def main() -> None:
    cli(prog_name="chidao")
