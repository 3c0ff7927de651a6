"""The one loader of the vocabulary files: every file of the package passes its checks, and
the mistakes a person editing a word list makes are named with their file and key."""

from __future__ import annotations

import unicodedata

import pytest

from chidao.data import REQUIRED, DataFileError, check, data_files, load_toml


@pytest.mark.parametrize("name", data_files())
def test_every_data_file_loads_and_passes_its_checks(name):
    data = load_toml(name)
    assert data and REQUIRED[name] <= set(data)  # every file is known to the loader


def test_a_copy_is_handed_out_so_one_reader_cannot_change_another_s_words():
    first = load_toml("layout.toml")
    first["doc_types"].clear()
    assert load_toml("layout.toml")["doc_types"]


def test_the_mistakes_of_an_edited_word_list_are_named():
    decomposed = unicodedata.normalize("NFD", "Sở Tài chính")
    problems = check("layout.toml", {"doc_types": ["THÔNG BÁO", decomposed, " "], "boilerplate": []})
    missing = "missing table(s) archive_label, chair_verb, co_chair_words, dangling_words, issuer, locality_kinds"
    assert any(missing in p for p in problems)
    assert any(p.startswith("layout.toml.doc_types[1]") and "NFC" in p for p in problems)
    assert any(p.startswith("layout.toml.doc_types[2]") and "empty word" in p for p in problems)
    assert check("recurrence.toml", {**load_toml("recurrence.toml")}) == []  # "" as a table value is fine


def test_an_unknown_file_is_refused_by_name():
    with pytest.raises(DataFileError, match=r"nosuch\.toml"):
        load_toml("nosuch.toml")
