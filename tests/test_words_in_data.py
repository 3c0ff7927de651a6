"""Issue 9: the extractor's Vietnamese vocabulary is data (``chidao/data/vi``), not regex literals in
code. Read from the source (``ast``, nothing imported): a pattern of the extract or document layer
whose literal text holds a Vietnamese word fails, unless its module is listed in ``NOT_YET`` with
the reason it still holds one. An entry is removed when its module no longer holds any."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "chidao"
LAYERS = ("extract", "document")
_REGEX_CALLS = {"compile", "guarded", "sub", "search", "match", "fullmatch", "finditer", "findall", "split"}
_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")  # a word with a letter outside ASCII
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")  # "[Đđ]", "[a-zđ]": a character class names no word

# Modules that still hold Vietnamese words in their patterns, and why.
NOT_YET: dict[str, str] = {
    "extract/deadline_grammar.py": "the structural date grammar (ngày, tháng, năm) stays in code",
}


def _literal(node: ast.AST) -> str | None:
    """The literal text of a string, an f-string (its parts in code read as a space) or a sum of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return (_literal(node.left) or " ") + (_literal(node.right) or " ")
    return None


def _words(pattern: str) -> list[str]:
    return [w for w in _WORD.findall(_CLASS.sub(" ", pattern)) if len(w) >= 2]


def _patterns(tree: ast.Module):
    """The literal texts given to ``re`` or ``guarded``, and module-level strings that read as regexes."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in _REGEX_CALLS and (text := _literal(node.args[0])):
                yield node.lineno, text
    for node in tree.body:
        if isinstance(node, ast.Assign) and (text := _literal(node.value)) and ("(?" in text or "\\s" in text):
            yield node.lineno, text


def _words_in_code() -> dict[str, list[tuple[int, list[str]]]]:
    found: dict[str, list[tuple[int, list[str]]]] = {}
    for layer in LAYERS:
        for path in sorted((PACKAGE / layer).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            hits = [(line, words) for line, text in _patterns(tree) if (words := _words(text))]
            if hits:
                found[str(path.relative_to(PACKAGE))] = hits
    return found


FOUND = _words_in_code()
MODULES = sorted(str(p.relative_to(PACKAGE)) for layer in LAYERS for p in (PACKAGE / layer).glob("*.py"))


@pytest.mark.parametrize("module", [m for m in MODULES if m not in NOT_YET])
def test_no_vietnamese_word_in_a_pattern_in_code(module):
    hits = FOUND.get(module)
    assert not hits, f"{module}: move these words to a data file (docs/adding-vocabulary.md): {hits}"


@pytest.mark.parametrize("module", sorted(NOT_YET))
def test_a_module_not_yet_moved_still_holds_words(module):
    assert module in FOUND, f"{module} holds no Vietnamese word in a pattern now: remove it from NOT_YET"


def test_the_scan_sees_words_and_skips_character_classes():
    assert _words(r"(?:[Đđ]ồng chí|[Ôô]ng)\s+") == ["ồng", "chí"]
    assert _words(r"[a-zđ]\)(?=\s|$)") == []
