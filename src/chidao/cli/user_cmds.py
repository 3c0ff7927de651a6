"""``chidao user add`` and ``chidao token create / list / revoke``: accounts from the command line."""

from __future__ import annotations

import secrets
import sys
from datetime import UTC, datetime, timedelta

import click

from chidao.cli.context import fail, load_settings, open_store
from chidao.messages import msg
from chidao.tracking import tokens
from chidao.tracking.accounts import UserError, add_user, create_token, find_user
from chidao.tracking.database import open_sessions
from chidao.tracking.errors import Invalid
from chidao.vocab import UserRole


@click.group("user")
def user_group() -> None:
    """Manage user accounts."""


@user_group.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(UserRole.values()), required=True)
@click.option("--agency", help="The agency of an agency officer (its name as in the registry).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--generate-password", is_flag=True, help="Make a random password and print it once.")
@click.option("--if-missing", is_flag=True, help="Do nothing if the user already exists.")
def add_command(
    username: str, role: str, agency: str | None, password_stdin: bool, generate_password: bool, if_missing: bool
) -> None:
    """Create USERNAME with ROLE (admin, clerk, agency, viewer)."""
    engine = open_store(load_settings())
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif generate_password:
        password = secrets.token_urlsafe(12)
    else:
        password = click.prompt(msg("cli.users.password_prompt"), hide_input=True, confirmation_prompt=True)
    with open_sessions(engine).begin() as session:
        if if_missing and find_user(session=session, username=username):
            click.echo(f"user {username} already exists")
            return
        try:
            add_user(session=session, username=username, role=role, password=password, agency=agency)
        except UserError as error:
            fail(str(error))
    click.echo(f"user {username} created ({role})")
    if generate_password:
        click.echo(f"password for {username}: {password}")


@click.group("token")
def token_group() -> None:
    """Manage API tokens."""


@token_group.command("create")
@click.argument("username")
@click.option("--name", default="", help="A label for the token.")
@click.option("--days", type=click.IntRange(1, 3650), help="The token stops working after this many days.")
def token_create(username: str, name: str, days: int | None) -> None:
    """Create an API token for USERNAME and print it (it is shown only this once)."""
    engine = open_store(load_settings())
    expires = datetime.now(UTC) + timedelta(days=days) if days else None
    with open_sessions(engine).begin() as session:
        user = find_user(session=session, username=username)
        if user is None:
            fail(f"no user {username!r}")
        try:
            token = create_token(session=session, user=user, name=name, expires_at=expires)
        except Invalid as error:
            fail(str(error))
    click.echo(token)


def _moment(value: datetime | None) -> str:
    return tokens.aware(value).strftime("%Y-%m-%d %H:%M") if value else "-"


@token_group.command("list")
@click.argument("username")
def token_list(username: str) -> None:
    """List USERNAME's API tokens (id, state, name, created, last used, expires); never the secret."""
    engine = open_store(load_settings())
    with open_sessions(engine).begin() as session:
        user = find_user(session=session, username=username)
        if user is None:
            fail(f"no user {username!r}")
        rows = tokens.list_tokens(session=session, user=user)
        click.echo("id\tstate\tname\tcreated\tlast used\texpires")
        for row in rows:
            times = (row.created_at, row.last_used_at, row.expires_at)
            click.echo("\t".join([str(row.id), tokens.token_state(row), row.name or "-", *map(_moment, times)]))


@token_group.command("revoke")
@click.argument("token_ids", nargs=-1, type=click.IntRange(1, 2**31 - 1))
@click.option("--user", "username", help="Revoke every live token of this user instead.")
def token_revoke(token_ids: tuple[int, ...], username: str | None) -> None:
    """Revoke the tokens TOKEN_IDS (from `chidao token list`), or all of --user's."""
    if not token_ids and not username:
        fail("give token ids, or --user USERNAME")
    engine = open_store(load_settings())
    with open_sessions(engine).begin() as session:
        if username:
            user = find_user(session=session, username=username)
            if user is None:
                fail(f"no user {username!r}")
            count = tokens.revoke_user_tokens(session=session, user_id=user.id, reason="cli")
            click.echo(f"{count} token(s) of {user.username} revoked")
        for token_id in token_ids:
            row = session.get(tokens.ApiToken, token_id)
            if row is None:
                fail(f"no token {token_id}")
            if row.revoked_at is None:
                row.revoked_at = tokens.now()
            click.echo(f"token {token_id} revoked")
