"""Sending mail over SMTP (``smtplib``), one connection reused for many messages.

Settings (``chidao.settings``): ``CHIDAO_SMTP_HOST`` (unset: no mail is sent), ``_PORT``,
``_SECURITY`` (none | starttls | ssl), ``_USER`` / ``_PASSWORD`` (login when a user is set),
``CHIDAO_MAIL_FROM``. A failure is either the server's or the network's (``Transient``: the
mail waits and is tried again later, with backoff) or the message's (``Permanent``: a 5xx
answer for this recipient; trying again would not help).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

SECURITY = ("none", "starttls", "ssl")
TIMEOUT = 30


class Transient(Exception):
    """The server is down, refused for now (4xx) or the connection broke."""


class Permanent(Exception):
    """The server refused this message for good (5xx)."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 25
    security: str = "none"
    user: str = ""
    password: str = field(default="", repr=False)
    mail_from: str = "chidao@localhost"

    @classmethod
    def from_settings(cls, settings) -> SmtpConfig | None:
        """The server of ``chidao.settings.Settings``; None when no host is set (no mail)."""
        if not settings.smtp_host:
            return None
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            user=settings.smtp_user,
            password=settings.smtp_password,
            mail_from=settings.mail_from,
        )


@dataclass(frozen=True)
class Outgoing:
    recipient: str
    subject: str
    text: str
    html: str
    unsubscribe: str = ""  # the preferences link, as List-Unsubscribe


def message(config: SmtpConfig, mail: Outgoing) -> Message:
    """A multipart/alternative message, plain text first. Headers are encoded whole with
    ``email.header.Header``: the newer ``EmailMessage`` folds a Vietnamese subject into encoded
    words split at spaces, and decoders drop the space between two encoded words ("— Sở"
    arrives as "—Sở")."""
    msg = MIMEMultipart("alternative")
    msg["From"] = config.mail_from
    msg["To"] = mail.recipient
    msg["Subject"] = Header(mail.subject, "utf-8")
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=config.mail_from.rpartition("@")[2] or "chidao")
    msg["Auto-Submitted"] = "auto-generated"
    if mail.unsubscribe:
        msg["List-Unsubscribe"] = f"<{mail.unsubscribe}>"
    msg.attach(MIMEText(mail.text, "plain", "utf-8"))
    msg.attach(MIMEText(mail.html, "html", "utf-8"))
    return msg


class SmtpSender:
    """Sends messages on one connection, opened on first use and again after it breaks."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._client: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        try:
            if c.security == "ssl":
                client = smtplib.SMTP_SSL(c.host, c.port, timeout=TIMEOUT, context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(c.host, c.port, timeout=TIMEOUT)
                if c.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
            if c.user:
                client.login(c.user, c.password)
        except smtplib.SMTPAuthenticationError as error:
            raise Transient(f"login refused: {error.smtp_code}") from None
        except (OSError, smtplib.SMTPException) as error:
            raise Transient(f"cannot reach {c.host}:{c.port}: {error.__class__.__name__}") from None
        return client

    def send(self, mail: Outgoing) -> None:
        if self._client is None:
            self._client = self._connect()
        try:
            self._client.send_message(message(self.config, mail))
        except smtplib.SMTPRecipientsRefused as error:
            code = next(iter(error.recipients.values()))[0]
            if 400 <= code < 500:
                raise Transient(f"recipient deferred: {code}") from None
            raise Permanent(f"recipient refused: {code}") from None
        except smtplib.SMTPResponseException as error:
            self.close()
            if 400 <= error.smtp_code < 500:
                raise Transient(f"server deferred: {error.smtp_code}") from None
            raise Permanent(f"server refused: {error.smtp_code}") from None
        except (TimeoutError, OSError, smtplib.SMTPException) as error:
            self.close()
            raise Transient(f"connection lost: {error.__class__.__name__}") from None

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()

    def __enter__(self) -> SmtpSender:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


@contextmanager
def connections(config: SmtpConfig, count: int) -> Iterator[list[SmtpSender]]:
    """``count`` senders (each its own connection, opened when first used), closed after."""
    senders = [SmtpSender(config) for _ in range(count)]
    try:
        yield senders
    finally:
        for sender in senders:
            sender.close()
