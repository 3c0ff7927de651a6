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
