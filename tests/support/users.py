"""The one table of test users, used by the API, page, end-to-end and fuzz tests.

Every user has the same password except ``robot``, an API-only account with no password (it
cannot log in: ``tests/web/test_api_auth.py`` checks that). The password has Vietnamese
letters on purpose: the login form and the JSON API must carry them unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from chidao.store.agencies import seed_agencies
from chidao.store.engine import session_factory
from chidao.tracking.accounts import add_user, configure_hasher, create_token

PASSWORD = "mật-khẩu đủ dài 2024"


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    agency: str | None
    password: str | None


USERS = (
    Account("admin", "admin", None, PASSWORD),
    Account("clerk", "clerk", None, PASSWORD),  # the office (văn phòng): uploads, reviews, decides
    Account("viewer", "viewer", None, PASSWORD),  # a leader (lãnh đạo): reads every confirmed document
    Account("officer", "agency", "Sở Thông tin và Truyền thông", PASSWORD),  # leads the example's tasks
    Account("finance", "agency", "Sở Tài chính", PASSWORD),
    Account("health", "agency", "Sở Y tế", PASSWORD),
    Account("robot", "clerk", None, None),  # an integration with an API token only
)
BY_NAME = {account.username: account for account in USERS}


@dataclass(frozen=True)
class Seeded:
    """What seeding gave: each user's API token and id, by username."""

    tokens: dict[str, str]
    user_ids: dict[str, int]


def use_cheap_hashing() -> None:
    """argon2's cheapest parameters for every password the tests set (a third of a second each
    with the defaults, which production keeps): see ``chidao.tracking.accounts.configure_hasher``."""
    configure_hasher(time_cost=1, memory_cost=8, parallelism=1)


def add_users(session: Session) -> Seeded:
    """Every user of ``USERS`` (the agencies must be seeded), each with an API token named "tests"."""
    tokens, ids = {}, {}
    for account in USERS:
        user = add_user(
            session=session,
            username=account.username,
            role=account.role,
            agency=account.agency,
            password=account.password,
        )
        tokens[account.username] = create_token(session=session, user=user, name="tests")
        ids[account.username] = user.id
    return Seeded(tokens=tokens, user_ids=ids)


def seed(engine: Engine) -> Seeded:
    """The agency registry and every user of ``USERS``, committed."""
    with session_factory(engine).begin() as session:
        seed_agencies(session=session)
        return add_users(session)
