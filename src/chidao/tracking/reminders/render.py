"""A digest written as a mail: subject, plain text and HTML (Vietnamese), with links into the
pages under the base URL and the recipient's own signed preferences link."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import escape

from chidao.messages import msg
from chidao.tracking.reminders.model import Digest
from chidao.tracking.reminders.signing import sign


@dataclass(frozen=True)
class Mail:
    recipient: str
    subject: str
    text: str
    html: str


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("chidao.tracking.reminders", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["msg"] = msg  # the mail's words, from the message catalogue
    return environment


def subject(digest: Digest) -> str:
    return msg(f"reminders.kinds.{digest.kind}.subject", day=f"{digest.day:%d/%m/%Y}", name=digest.name)


_RECIPIENT, _PREFERENCES = "\x00recipient\x00", "\x00preferences\x00"


@dataclass(frozen=True)
class Bodies:
    """A digest written once, with places for each recipient's address and preferences link."""

    subject: str
    text: str
    html: str


def write(digest: Digest, *, base_url: str) -> Bodies:
    base = base_url.rstrip("/")
    context = {
        "heading": subject(digest).removeprefix("[chidao] "),
        "sections": digest.sections,
        "base_url": base,
        "recipient": _RECIPIENT,
        "preferences": _PREFERENCES,
    }
    environment = _environment()
    text = environment.get_template("digest.txt").render(context)
    html = environment.get_template("digest.html").render(context)
    return Bodies(subject(digest), text, html)


def address(bodies: Bodies, recipient: str, *, base_url: str, key: bytes) -> Mail:
    """The digest's copy for ``recipient``, with its own signed preferences link."""
    link = f"{base_url.rstrip('/')}/mail/preferences?token={sign(key, recipient)}"
    text = bodies.text.replace(_RECIPIENT, recipient).replace(_PREFERENCES, link)
    html = bodies.html.replace(_RECIPIENT, str(escape(recipient))).replace(_PREFERENCES, str(escape(link)))
    return Mail(recipient=recipient, subject=bodies.subject, text=text, html=html)


def render(digest: Digest, recipient: str, *, base_url: str, key: bytes) -> Mail:
    return address(write(digest, base_url=base_url), recipient, base_url=base_url, key=key)
