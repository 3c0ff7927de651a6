"""Integrity of the vocabulary data files: NFC, no duplicates, no alias naming two agencies."""

import tomllib
import unicodedata
from importlib import resources

import pytest

from chidao.extract.registry import phrase_key

FILES = sorted(p.name for p in resources.files("chidao.data.vi").iterdir() if p.name.endswith(".toml"))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("name", FILES)
def test_data_file_is_nfc(name):
    data = tomllib.loads(resources.files("chidao.data.vi").joinpath(name).read_text(encoding="utf-8"))
    for string in _strings(data):
        assert unicodedata.is_normalized("NFC", string), (name, string)


def _word_lists(value, path=()):
    """Every list of strings in a data file, at any depth (tables, arrays of tables), with its path:
    a list nested in a table is checked like one at the top."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _word_lists(v, (*path, k))
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            yield path, value
        else:
            for i, v in enumerate(value):
                yield from _word_lists(v, (*path, i))


@pytest.mark.parametrize("name", FILES)
def test_lists_have_no_duplicates(name):
    data = tomllib.loads(resources.files("chidao.data.vi").joinpath(name).read_text(encoding="utf-8"))
    for path, value in _word_lists(data):
        if any(str(part).startswith("example") for part in path):
            continue  # examples spell one word several ways on purpose ("tỉnh", "TỈNH")
        keys = [phrase_key(v) for v in value]
        assert len(keys) == len(set(keys)), (name, path, [k for k in keys if keys.count(k) > 1])


def test_no_alias_names_two_agencies():
    data = tomllib.loads(resources.files("chidao.data.vi").joinpath("agencies.toml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for body in data["body"]:
        for alias in [body["name"], *body.get("aliases", [])]:
            key = phrase_key(alias)
            assert seen.setdefault(key, body["name"]) == body["name"], alias
    fields: dict[str, str] = {}
    for field in data["field"]:
        for alias in [field["name"], *field.get("abbr", [])]:
            key = phrase_key(alias)
            assert fields.setdefault(key, field["name"]) == field["name"], alias


def test_recurrence_examples():
    from chidao.extract.recurrence import find_recurrence
    from chidao.text import match_key

    data = tomllib.loads(resources.files("chidao.data.vi").joinpath("recurrence.toml").read_text(encoding="utf-8"))
    for example in data["example"]:
        key = match_key(example["text"])
        assert (find_recurrence(key, 0, len(key)) or "") == example["recurrence"], example["text"]
