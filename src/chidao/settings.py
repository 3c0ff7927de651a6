"""Settings, read once from the environment by an entry point and passed down (no globals)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
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
    # How a named report period is counted: "cutoff" (Nghị định 09/2019: the 15th to the 14th)
    # or "calendar" (whole months); and the Word template of the report (None: the packaged one).
    report_periods: str = "cutoff"
    report_template: Path | None = None

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
            report_periods=_choice(env, "CHIDAO_REPORT_PERIODS", ("cutoff", "calendar")),
            report_template=_file(env, "CHIDAO_REPORT_TEMPLATE"),
        )
