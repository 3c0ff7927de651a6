"""Settings read from the environment: defaults, values, and clear errors."""

from __future__ import annotations

import pytest

from chidao.settings import Settings, SettingsError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, 0.9),  # the default: the least confident quarter of dev, 73% of its wrong tasks
        ("", 0.9),
        ("0.6", 0.6),
        ("0", 0.0),  # nothing marked
        ("1", 1.0),  # everything assessed marked
    ],
)
def test_review_confidence(raw, expected):
    env = {} if raw is None else {"CHIDAO_REVIEW_CONFIDENCE": raw}
    assert Settings.from_env(env).review_confidence == expected


@pytest.mark.parametrize("raw", ["abc", "1.5", "-0.1", "75%"])
def test_review_confidence_refuses_what_is_not_a_share(raw):
    with pytest.raises(SettingsError, match="CHIDAO_REVIEW_CONFIDENCE"):
        Settings.from_env({"CHIDAO_REVIEW_CONFIDENCE": raw})


def test_trusted_proxies_default_to_none():
    assert Settings.from_env({}).trusted_proxies == ()


def test_trusted_proxies_are_addresses_or_networks():
    found = Settings.from_env({"CHIDAO_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/24 ::1"}).trusted_proxies
    assert found == ("127.0.0.1/32", "10.0.0.0/24", "::1/128")


@pytest.mark.parametrize("raw", ["localhost", "10.0.0.300", "*"])
def test_trusted_proxies_refuse_what_is_no_address(raw):
    with pytest.raises(SettingsError, match="CHIDAO_TRUSTED_PROXIES"):
        Settings.from_env({"CHIDAO_TRUSTED_PROXIES": raw})


def test_mail_settings_default_to_no_mail_server():
    settings = Settings.from_env({})
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_security) == ("", 25, "none")
    assert settings.base_url == "http://127.0.0.1:8000" and settings.mail_from == "chidao@localhost"


def test_mail_settings_are_read_and_the_password_never_shown():
    env = {
        "CHIDAO_SMTP_HOST": "mail.tinh.gov.vn",
        "CHIDAO_SMTP_SECURITY": "SSL",
        "CHIDAO_SMTP_USER": "chidao",
        "CHIDAO_SMTP_PASSWORD": "bí-mật",
        "CHIDAO_MAIL_FROM": "chidao@tinh.gov.vn",
        "CHIDAO_BASE_URL": "https://chidao.tinh.gov.vn/",
    }
    settings = Settings.from_env(env)
    assert (settings.smtp_port, settings.smtp_security, settings.base_url) == (465, "ssl", "https://chidao.tinh.gov.vn")
    assert "bí-mật" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("CHIDAO_SMTP_SECURITY", "tls"),
        ("CHIDAO_SMTP_PORT", "smtp"),
        ("CHIDAO_BASE_URL", "chidao.tinh.gov.vn"),
        ("CHIDAO_MAIL_FROM", "chidao"),
    ],
)
def test_mail_settings_refuse_what_cannot_work(name, raw):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: raw})


def test_webhook_timeout_and_attempts():
    assert (Settings.from_env({}).webhook_timeout, Settings.from_env({}).webhook_attempts) == (10, 8)
    chosen = Settings.from_env({"CHIDAO_WEBHOOK_TIMEOUT": "3", "CHIDAO_WEBHOOK_ATTEMPTS": "12"})
    assert (chosen.webhook_timeout, chosen.webhook_attempts) == (3, 12)


@pytest.mark.parametrize(("name", "raw"), [("CHIDAO_WEBHOOK_TIMEOUT", "0"), ("CHIDAO_WEBHOOK_ATTEMPTS", "many")])
def test_webhook_settings_refuse_what_cannot_be_used(name, raw):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: raw})


@pytest.mark.parametrize(("raw", "expected"), [(None, 6), ("", 6), ("1", 1), ("40", 40)])
def test_threads(raw, expected):
    env = {} if raw is None else {"CHIDAO_THREADS": raw}
    assert Settings.from_env(env).threads == expected


@pytest.mark.parametrize("raw", ["0", "-2", "many"])
def test_threads_refuse_what_is_not_a_positive_number(raw):
    with pytest.raises(SettingsError, match="CHIDAO_THREADS"):
        Settings.from_env({"CHIDAO_THREADS": raw})
