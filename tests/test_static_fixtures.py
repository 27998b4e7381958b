"""Fixture files carry their expected findings inline: ``# expect: IPL001:error``.

Every line of a fixture with such a comment must get exactly those findings,
and no other line may get any.
"""
import pathlib
import re

import pytest

from inplace_lint import grouping
from inplace_lint.config import Config
from inplace_lint.runner import check_source

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "static"
EXPECT = re.compile(r"#\s*expect:\s*(.+)$")


def expected(text):
    out = set()
    for i, line in enumerate(text.splitlines(), 1):
        m = EXPECT.search(line)
        if m:
            for item in m.group(1).split(","):
                code, sev = item.strip().split(":")
                out.add((i, code, sev))
    return out


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.py")), ids=lambda p: p.name)
def test_fixture_findings_match_exactly(path):
    text = path.read_text()
    result = check_source(text, str(path), Config())
    assert result.problem is None
    # a finding that folds several of one root cause (grouping) reports each of its lines
    # as a related location; every line must still be reported, with its own severity
    for f in result.findings:
        assert {(m.line, m.column) for m in f.group[1:]} <= {(r.line, r.column) for r in f.related}
    got = {(f.line, f.code, f.severity) for f in grouping.expand(result.findings)}
    assert got == expected(text)


def test_fixtures_cover_every_rule():
    from inplace_lint.rules import ALL_RULES, OPT_IN

    codes = set()
    for path in FIXTURES.glob("*.py"):
        codes |= {c for _, c, sev in expected(path.read_text()) if sev == "error"}
    # opt-in rules judge comments, not engine events (IPL100: tests/test_cli.py, tests/test_docs.py)
    assert codes == {r.code for r in ALL_RULES if r.code not in OPT_IN}


def test_safe_lookalikes_file_is_silent():
    text = (FIXTURES / "safe_lookalikes.py").read_text()
    assert "expect:" not in text
    assert check_source(text, "safe.py", Config()).findings == []
