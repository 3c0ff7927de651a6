"""Issue 9: the extractor's Vietnamese vocabulary is data (``chidao/data/vi``), not regex literals in
code. Read from the source (``ast``, nothing imported): a pattern of the extract or document layer
whose literal text holds a Vietnamese word fails, unless its module is listed in ``NOT_YET`` with
the reason it still holds one. An entry is removed when its module no longer holds any.

The same for the words text is compared with in code: a string or a tuple, set or list of strings
given to ``startswith``/``endswith`` or looked into with ``in`` holds no Vietnamese word, unless its
module is listed in ``COMPARED_NOT_YET``. A word list in a data file is read into such a tuple;
where code needs both tone placements ("Tỉnh ủy", "Tỉnh uỷ"), the list keeps one and the code adds
the other with ``chidao.text.fold.tone_spellings``."""

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

# Modules that still compare text with Vietnamese words written in the code (``startswith``,
# ``endswith``, ``in`` a tuple or set of strings), and why.
COMPARED_NOT_YET: dict[str, str] = {
    "extract/deadline_dates.py": "tuần, a duration's unit: the structural date grammar stays in code",
    "extract/deadlines.py": "the date grammar's gates (năm, tháng, tết, từ): the structural date grammar stays in code",
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


def _strings(node: ast.AST, named: dict[str, ast.AST]) -> list[str]:
    """The strings of a literal string, tuple, set or list of strings, or of a module-level name bound
    to one; nothing for anything else (a name imported or computed is data or code, not a literal)."""
    if isinstance(node, ast.Name) and node.id in named:
        node = named[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


_SEARCHES = {"startswith", "endswith", "find", "rfind", "index", "rindex", "count"}


def _compared(tree: ast.Module):
    """The strings that text is compared with: the arguments of ``startswith``, ``endswith`` and
    ``find``, the tuples, sets and lists (written there or bound to a module-level name) that ``in``
    looks into, a string looked for with ``in`` and one compared with ``==`` or ``!=``."""
    named = {
        node.targets[0].id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in _SEARCHES and node.args:
            yield node.lineno, _strings(node.args[0], named)
        elif isinstance(node, ast.Compare):
            for left, op, right in zip([node.left, *node.comparators[:-1]], node.ops, node.comparators, strict=True):
                if isinstance(op, (ast.In, ast.NotIn)):
                    looked_for = _strings(left, {}) if isinstance(left, ast.Constant) else []
                    yield node.lineno, looked_for + ([] if isinstance(right, ast.Constant) else _strings(right, named))
                elif isinstance(op, (ast.Eq, ast.NotEq)):
                    constants = (side for side in (left, right) if isinstance(side, ast.Constant))
                    yield node.lineno, [side.value for side in constants if isinstance(side.value, str)]


def _compared_words() -> dict[str, list[tuple[int, list[str]]]]:
    found: dict[str, list[tuple[int, list[str]]]] = {}
    for layer in LAYERS:
        for path in sorted((PACKAGE / layer).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            hits = [(line, words) for line, texts in _compared(tree) if (words := _words(" ".join(texts)))]
            if hits:
                found[str(path.relative_to(PACKAGE))] = hits
    return found


FOUND = _words_in_code()
COMPARED = _compared_words()
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


@pytest.mark.parametrize("module", [m for m in MODULES if m not in COMPARED_NOT_YET])
def test_no_vietnamese_word_compared_in_code(module):
    hits = COMPARED.get(module)
    assert not hits, f"{module}: move these words to a data file (docs/adding-vocabulary.md): {hits}"


@pytest.mark.parametrize("module", sorted(COMPARED_NOT_YET))
def test_a_module_not_yet_moved_still_compares_words(module):
    assert module in COMPARED, f"{module} compares no Vietnamese word now: remove it from COMPARED_NOT_YET"


def test_the_scan_sees_compared_words():
    tree = ast.parse(
        '_KINDS = ("tỉnh", "xã")\n'
        "def f(key, word):\n"
        '    return key.startswith(("đồng chí ", "đ/c ")) or word in _KINDS or word in {"và"} or "|" in key\n'
        "def g(key, word):\n"
        '    return word == "các" or "năm" in key or key.find("Kính gửi") or word == ","\n'
    )
    assert [words for _, texts in _compared(tree) if (words := _words(" ".join(texts)))] == [
        ["đồng", "chí"],
        ["tỉnh", "xã"],
        ["và"],
        ["các"],
        ["năm"],
        ["Kính", "gửi"],
    ]
