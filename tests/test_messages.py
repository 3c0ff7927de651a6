"""The message catalogue (``chidao/data/vi/messages.toml``, issue 14): every key used exists, every
key written is used, every message is well formed, and no template, page module or script writes
Vietnamese outside the catalogue.

How "outside" is found, without importing anything:
- a template's source with its Jinja tags, comments, ``<script>``/``<style>`` blocks and HTML tags
  taken out may hold no letter but the names in ``PLAIN_WORDS`` (a brand, a file format); its
  attribute values may hold no Vietnamese letter;
- a Python module's string constants (docstrings aside) and a script's string literals may hold no
  Vietnamese letter.
``NOT_YET`` lists the files still to be moved into the catalogue; an entry is removed when its file
is done, and the test fails when a listed file no longer needs its entry, so the list only shrinks.
``VOCABULARY`` lists modules whose Vietnamese is vocabulary they read documents or input with
(patterns, words to match), not words shown to people: that belongs in the other data files.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from chidao.messages import MessageError, catalogue, msg

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "chidao"
TEMPLATE_DIRS = [PACKAGE / "web" / "templates", PACKAGE / "reports" / "templates", PACKAGE / "tracking" / "reminders"]
SCRIPTS = PACKAGE / "web" / "static"
# The code whose strings people read: pages, API errors, use-case refusals, CLI lines, reports.
SHOWN = ["web", "tracking", "reports", "cli", "store", "vocab.py"]

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
# Keys used in code and templates: msg("a.b"), chidaoMessage("a.b") (for [js], the key after "js.").
USE = re.compile(r"""\b(?:msg|has)\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")
SCRIPT_USE = re.compile(r"""\bchidaoMessage\(\s*["']([a-z0-9_.]+)["']""")
# Keys looked up with a computed suffix (msg("status." ~ code)): every key under the prefix counts as used.
DYNAMIC_PREFIXES: set[str] = {
    "tracking.passwords.",  # PasswordError.vietnamese: tracking.passwords.<problem code>
    "tracking.read_failures.",  # READ_FAILURES: tracking.read_failures.<failure code>
    "reminders.kinds.",  # reminders.model: reminders.kinds.<kind>.label/subject
    "reminders.sections.",  # reminders.model.Section.title: reminders.sections.<code>
    "labels.",  # chidao.vocab.Coded.label: labels.<enum class in snake case>.<code>
}
# Words a template may write bare: names and formats that are the same in every language.
PLAIN_WORDS = {
    "chidao",
    "CSV",
    "PDF",
    "API",
    "JSON",
    "iCal",
    "Word",
    "Excel",
    "DOCX",
    "XLSX",
    "HTML",
    "URL",
    "ID",
    "OK",
}

# Files still to be moved into the catalogue (issue 14); remove an entry when its file is done.
NOT_YET: set[str] = set()  # empty since 2026-12-06: every file speaks through the catalogue
# Modules whose Vietnamese strings are vocabulary for reading text, not words shown to people.
VOCABULARY: dict[str, str] = {
    "tracking/sandbox_preload.py": "a sample notice the reading workers read once to warm up, never shown",
    "cli/agency_lifecycle_cmds.py": "the word 'đóng' a choice file may write for 'close', read, not shown",
    "store/agencies.py": "the heads 'Sở' and 'Bộ' it builds the registry's canonical names with, to match",
    "tracking/successor_suggestion.py": "the heads ('Sở', 'Bộ') and the 'và' it cuts agency names at, to match",
}


def _relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def _templates() -> list[Path]:
    return sorted(
        path
        for folder in TEMPLATE_DIRS
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in {".html", ".txt", ".xml"}
    )


def _modules() -> list[Path]:
    found = []
    for name in SHOWN:
        path = PACKAGE / name
        found += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [path for path in found if "migrations" not in path.parts]


def _scripts() -> list[Path]:
    return sorted(path for path in SCRIPTS.glob("*.js"))


def _sources() -> list[Path]:
    return _templates() + _modules() + _scripts()


JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
BLOCKS = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]*>", re.S)
ATTRIBUTE = re.compile(r"""\s[\w:-]+\s*=\s*("[^"]*"|'[^']*')""")
ENTITY = re.compile(r"&#?\w+;")


def template_leaks(source: str) -> list[str]:
    """The words a template writes outside the catalogue."""
    bare = BLOCKS.sub(" ", JINJA.sub(" ", source))
    leaks = [value for tag in TAG.findall(bare) for value in ATTRIBUTE.findall(tag) if VIETNAMESE.search(value)]
    text = ENTITY.sub(" ", TAG.sub(" ", bare))
    for word in re.findall(r"[^\W\d_]+", text):
        if word not in PLAIN_WORDS:
            leaks.append(word)
    return leaks


def module_leaks(source: str) -> list[str]:
    """The Vietnamese string constants of a module, its docstrings aside."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and VIETNAMESE.search(node.value)
    ]


SCRIPT_STRING = re.compile(r"""(?<!\\)(["'`])((?:\\.|(?!\1).)*)\1""")
SCRIPT_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def script_leaks(source: str) -> list[str]:
    """The Vietnamese string literals of a script, its comments aside."""
    code = SCRIPT_COMMENT.sub(" ", source)
    return [text for _, text in SCRIPT_STRING.findall(code) if VIETNAMESE.search(text)]


def leaks(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return module_leaks(source)
    if path.suffix == ".js":
        return script_leaks(source)
    return template_leaks(source)


def test_every_message_is_well_formed():
    for key, message in catalogue().items():
        assert message.strip() == message and message, key
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
        assert all(name.isidentifier() for name in fields), f"{key}: fields must be named ({message!r})"


def test_a_message_is_looked_up_and_filled():
    assert msg("common.app_name") == "chidao"
    with pytest.raises(MessageError, match="no message"):
        msg("common.no_such_message")


def _used_keys() -> set[str]:
    used = set()
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        used |= set(USE.findall(source))
        used |= {f"js.{key}" for key in SCRIPT_USE.findall(source)}
    return used


def test_every_key_used_is_in_the_catalogue():
    missing = sorted(_used_keys() - set(catalogue()))
    assert missing == [], f"used in the code but not in messages.toml: {missing}"


def test_every_key_in_the_catalogue_is_used():
    used = _used_keys()
    unused = sorted(
        key for key in catalogue() if key not in used and not any(key.startswith(p) for p in DYNAMIC_PREFIXES)
    )
    assert unused == [], f"in messages.toml but used nowhere: {unused}"


@pytest.mark.parametrize("path", _sources(), ids=_relative)
def test_no_words_outside_the_catalogue(path):
    name = _relative(path)
    found = [] if name in VOCABULARY else leaks(path)
    if name in NOT_YET:
        assert found, f"{name} speaks through the catalogue now: remove it from NOT_YET"
    else:
        assert found == [], f"{name} writes words outside messages.toml: {found[:8]}"


def test_the_checkers_find_words():
    assert template_leaks('<p title="Xóa">{{ msg("a.b") }} Lưu</p>{% if x %}<b>PDF</b>{% endif %}') == ['"Xóa"', "Lưu"]
    assert template_leaks('<p>{{ msg("a.b") }}</p><script>const a = "Lưu";</script>') == []
    assert module_leaks('"""Tài liệu."""\nx = "Lưu"\ny = f"{x} tệp"\n') == ["Lưu", " tệp"]
    assert script_leaks('// Lưu\nconst a = "Lưu"; const b = `${n} tệp`;') == ["Lưu", "${n} tệp"]
