"""docs/conversion.md runs as a doctest, against rupa and, where installed, against lupa 2.8.

The lupa run checks that every claim in the page holds for lupa too (the page describes lupa's
behaviour, which rupa follows). A code block right after a line `<!-- rupa only -->` shows a
deliberate difference (listed in docs/differences.md) and runs against rupa alone.
"""

import doctest
import importlib
import re
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "conversion.md"
RUPA_ONLY = re.compile(r"<!-- rupa only[^>]*-->\s*```python\n.*?```\n", re.S)


def _run(text: str, name: str) -> doctest.TestResults:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, name, str(DOC), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_conversion_doc_on_rupa():
    result = _run(DOC.read_text(), "conversion.md (rupa)")
    assert result.attempted >= 100
    assert result.failed == 0


def test_conversion_doc_on_lupa(monkeypatch):
    try:
        lupa = importlib.import_module("lupa.lua54")
    except ImportError:
        pytest.skip("lupa 2.8 is not installed")
    # The page says `import rupa`; here that name is lupa, so every example runs on lupa.
    monkeypatch.setitem(sys.modules, "rupa", lupa)
    text = RUPA_ONLY.sub("", DOC.read_text())
    result = _run(text, "conversion.md (lupa)")
    assert result.attempted >= 100
    assert result.failed == 0


def test_rupa_only_marker_is_recognised():
    # The marker must swallow exactly the block after it, or the lupa run would check
    # rupa-only behaviour (or skip ordinary examples) without anyone noticing.
    text = "a\n<!-- rupa only: x -->\n```python\n>>> 1\n1\n\n```\nb\n```python\n>>> 2\n2\n```\n"
    assert RUPA_ONLY.sub("", text) == "a\nb\n```python\n>>> 2\n2\n```\n"
