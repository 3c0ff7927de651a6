"""Settings, read once from the environment by an entry point and passed down (no globals)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(ValueError):
    """A setting with a value chidao cannot use; the message names the variable."""


def _int(env: dict[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {value}")
    return value


def _share(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number between 0 and 1, got {raw!r}") from None
    if not 0 <= value <= 1:
        raise SettingsError(f"{name} must be between 0 and 1, got {value}")
    return value


def _networks(env: dict[str, str], name: str) -> tuple[str, ...]:
    """Comma- or space-separated addresses or networks (``10.0.0.5``, ``10.0.0.0/24``, ``::1``)."""
    found = []
    for part in env.get(name, "").replace(",", " ").split():
        try:
            found.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise SettingsError(f"{name} must list IP addresses or networks, got {part!r}") from None
    return tuple(found)


def _choice(env: dict[str, str], name: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed`` (the first when unset)."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return allowed[0]
    if raw not in allowed:
        raise SettingsError(f"{name} must be one of {', '.join(allowed)}, got {raw!r}")
    return raw


def _file(env: dict[str, str], name: str) -> Path | None:
    """A file that exists, or None when unset."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    if not path.is_file():
        raise SettingsError(f"{name} must name an existing file, got {raw!r}")
    return path


DEFAULT_INGEST_WORKERS = min(4, os.cpu_count() or 1)
# Threads per server process for sync endpoints (anyio's default is 40). Measured on 2 cores
# (2026-12-06, benchmarks/request_cost.py, A/B/A/B, README): with 6 the server spent as much or
# less CPU per request than with 40 in every pairing, and had the lower p95 at 200 connections
# in both; waiting uploads hold none of them (web.upload_queue), so a few threads suffice.
DEFAULT_THREADS = 6


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    max_upload_bytes: int = 20 * 1024 * 1024
    due_soon_days: int = 5
    secure_cookies: bool = False
    session_hours: int = 12
    login_attempts: int = 5
    login_window_seconds: int = 300
    # Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (none by default:
    # the client's address is the connection's).
    trusted_proxies: tuple[str, ...] = ()
    # Extracted tasks less sure than this are marked "cần kiểm tra" and listed first for review.
    review_confidence: float = 0.9
    # Reminders by e-mail (issue 11): no SMTP host, no mail (and no scheduler in chidao serve).
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_security: str = "none"
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    mail_from: str = "chidao@localhost"
    # The address of the pages as recipients reach them: the links in every mail start with it.
    base_url: str = "http://127.0.0.1:8000"
    # Webhooks (issue 11): seconds a receiver has to connect and answer; tries before giving up.
    webhook_timeout: int = 10
    webhook_attempts: int = 8
    # How a named report period is counted: "cutoff" (Nghị định 09/2019: the 15th to the 14th)
    # or "calendar" (whole months); and the Word template of the report (None: the packaged one).
    report_periods: str = "cutoff"
    report_template: Path | None = None
    # Uploads read at once by the queue's workers in one ``chidao serve`` (one per core, at most 4).
    ingest_workers: int = DEFAULT_INGEST_WORKERS
    # Threads each server process runs sync endpoints (and their dependencies) on.
    threads: int = DEFAULT_THREADS

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        data_dir = Path(env.get("CHIDAO_DATA_DIR") or "data").expanduser()
        url = env.get("CHIDAO_DATABASE_URL") or f"sqlite:///{(data_dir / 'chidao.sqlite3').resolve()}"
        if not url.startswith(("sqlite", "postgresql")):
            raise SettingsError(f"CHIDAO_DATABASE_URL must be a sqlite:// or postgresql:// URL, got {url!r}")
        return cls(
            data_dir=data_dir,
            database_url=url,
            max_upload_bytes=_int(env, "CHIDAO_MAX_UPLOAD_MB", 20, 1) * 1024 * 1024,
            due_soon_days=_int(env, "CHIDAO_DUE_SOON_DAYS", 5, 0),
            secure_cookies=env.get("CHIDAO_SECURE_COOKIES", "").lower() in ("1", "true", "yes"),
            session_hours=_int(env, "CHIDAO_SESSION_HOURS", 12, 1),
            trusted_proxies=_networks(env, "CHIDAO_TRUSTED_PROXIES"),
            review_confidence=_share(env, "CHIDAO_REVIEW_CONFIDENCE", 0.9),
            **_mail(env),
            webhook_timeout=_int(env, "CHIDAO_WEBHOOK_TIMEOUT", 10, 1),
            webhook_attempts=_int(env, "CHIDAO_WEBHOOK_ATTEMPTS", 8, 1),
            report_periods=_choice(env, "CHIDAO_REPORT_PERIODS", ("cutoff", "calendar")),
            report_template=_file(env, "CHIDAO_REPORT_TEMPLATE"),
            ingest_workers=_int(env, "CHIDAO_INGEST_WORKERS", DEFAULT_INGEST_WORKERS, 1),
            threads=_int(env, "CHIDAO_THREADS", DEFAULT_THREADS, 1),
        )


def _mail(env: dict[str, str]) -> dict:
    security = (env.get("CHIDAO_SMTP_SECURITY") or "none").lower()
    if security not in ("none", "starttls", "ssl"):
        raise SettingsError(f"CHIDAO_SMTP_SECURITY must be none, starttls or ssl, got {security!r}")
    base_url = (env.get("CHIDAO_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        raise SettingsError(f"CHIDAO_BASE_URL must start with http:// or https://, got {base_url!r}")
    mail_from = env.get("CHIDAO_MAIL_FROM") or "chidao@localhost"
    if "@" not in mail_from:
        raise SettingsError(f"CHIDAO_MAIL_FROM must be an e-mail address, got {mail_from!r}")
    return {
        "smtp_host": env.get("CHIDAO_SMTP_HOST", "").strip(),
        "smtp_port": _int(env, "CHIDAO_SMTP_PORT", 465 if security == "ssl" else 25, 1),
        "smtp_security": security,
        "smtp_user": env.get("CHIDAO_SMTP_USER", ""),
        "smtp_password": env.get("CHIDAO_SMTP_PASSWORD", ""),
        "mail_from": mail_from,
        "base_url": base_url,
    }
