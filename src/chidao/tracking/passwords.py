"""Passwords: hashing (argon2id), checking in constant time, and the policy a new one must meet.

A login for a username nobody has costs the same as one for a real user: the password is checked
against a real argon2 hash made once per process (``dummy_hash``), so the answer's timing does
not tell which usernames exist. The policy (``password_problem``) is applied wherever a password
is set: ``chidao user add``, the API's ``/users``, the account page.
"""

from __future__ import annotations

import secrets
import unicodedata
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from chidao.messages import msg

HASHER = PasswordHasher()  # argon2id with the library's recommended parameters
MIN_LENGTH = 12
MAX_LENGTH = 200

# Why a password is refused: a code, and what the CLI and the API say (the English); the pages say
# the catalogue's ``tracking.passwords.<code>``.
PROBLEMS = {
    "too_short": f"password must be at least {MIN_LENGTH} characters",
    "too_long": f"password must be at most {MAX_LENGTH} characters",
    "blank": "password must not be only spaces",
    "common": "password is too common; choose another",
    "repeated": "password must not repeat one character",
    "username": "password must not contain the username",
}


class PasswordError(ValueError):
    """A password the policy refuses; ``code`` is a key of ``PROBLEMS``."""

    def __init__(self, code: str) -> None:
        super().__init__(PROBLEMS[code])
        self.code = code

    @property
    def vietnamese(self) -> str:
        return msg(f"tracking.passwords.{self.code}", min=MIN_LENGTH, max=MAX_LENGTH)


def configure_hasher(*, time_cost: int, memory_cost: int, parallelism: int) -> None:
    """Hash the passwords set from now on with other argon2id parameters (a stored hash keeps
    its own: argon2 writes them into the hash, so verifying is unaffected).

    A hook for the test suite, which sets argon2's cheapest parameters (``time_cost=1,
    memory_cost=8, parallelism=1``) because the default ones cost a third of a second per
    password; nothing in chidao calls it, so production keeps the library's defaults. The dummy
    hash of unknown-user logins is made again with the new parameters, so that both paths of a
    login still cost the same.
    """
    global HASHER
    HASHER = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)
    dummy_hash.cache_clear()


def hash_password(password: str) -> str:
    return HASHER.hash(password)


@cache
def dummy_hash() -> str:
    """A real argon2 hash of a random password nobody knows, made once per process."""
    return HASHER.hash(secrets.token_urlsafe(24))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; with no hash (no such user, no password set) the same work
    is done against ``dummy_hash`` and the answer is no."""
    try:
        return HASHER.verify(password_hash or dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("chidao.data").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str = "") -> str | None:
    """The code of the first rule ``password`` breaks (see ``PROBLEMS``), or None."""
    text = unicodedata.normalize("NFC", password)
    folded = "".join(text.split()).casefold()
    if not text.strip():
        return "blank"
    if len(text) < MIN_LENGTH:
        return "too_short"
    if len(text) > MAX_LENGTH:
        return "too_long"
    if len(set(folded)) == 1:
        return "repeated"
    if folded in common_passwords() or text.strip().casefold() in common_passwords():
        return "common"
    name = unicodedata.normalize("NFKC", username).casefold()
    if len(name) >= 3 and name in folded:
        return "username"
    return None


def check_password(password: str, username: str = "") -> None:
    """Raise ``PasswordError`` unless ``password`` meets the policy."""
    problem = password_problem(password, username)
    if problem:
        raise PasswordError(problem)
