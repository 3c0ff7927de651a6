"""A digest written as a mail: subject, plain text and HTML (Vietnamese), with links into the
pages under the base URL and the recipient's own signed preferences link."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from chidao.tracking.reminders.model import Digest, words
from chidao.tracking.reminders.signing import sign


@dataclass(frozen=True)
class Mail:
    recipient: str
    subject: str
    text: str
    html: str


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("chidao.tracking.reminders", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
    )


def subject(digest: Digest) -> str:
    template = words()["kinds"][digest.kind]["subject"]
    return template.format(day=f"{digest.day:%d/%m/%Y}", name=digest.name)


def render(digest: Digest, recipient: str, *, base_url: str, key: bytes) -> Mail:
    base = base_url.rstrip("/")
    context = {
        "heading": subject(digest).removeprefix("[chidao] "),
        "sections": digest.sections,
        "base_url": base,
        "recipient": recipient,
        "preferences": f"{base}/mail/preferences?token={sign(key, recipient)}",
    }
    environment = _environment()
    return Mail(
        recipient=recipient,
        subject=subject(digest),
        text=environment.get_template("digest.txt").render(context),
        html=environment.get_template("digest.html").render(context),
    )
