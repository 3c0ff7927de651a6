"""``chidao user add`` and ``chidao token create``: accounts from the command line and scripts."""

from __future__ import annotations

import secrets
import sys

import click

from chidao.cli.context import fail, load_settings, open_store
from chidao.tracking.accounts import UserError, add_user, create_token, find_user
from chidao.tracking.database import open_sessions
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
        password = click.prompt("Mật khẩu / password", hide_input=True, confirmation_prompt=True)
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
def token_create(username: str, name: str) -> None:
    """Create an API token for USERNAME and print it (it is shown only this once)."""
    engine = open_store(load_settings())
    with open_sessions(engine).begin() as session:
        user = find_user(session=session, username=username)
        if user is None:
            fail(f"no user {username!r}")
        token = create_token(session=session, user=user, name=name)
    click.echo(token)
