"""Rule docs are generated from the rules and agree with `inplace-lint explain`; rule examples are true."""
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from inplace_lint.config import Config
from inplace_lint.findings import ERROR
from inplace_lint.frontends.cli import main, rule_page
from inplace_lint.rules import ALL_RULES, OPT_IN
from inplace_lint.runner import check_source

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES_DIR = os.path.join(ROOT, "docs", "rules")
GEN = os.path.join(ROOT, "tools", "gen_docs.py")


def test_every_rule_has_its_page_and_no_page_lacks_a_rule():
    codes = {r.code for r in ALL_RULES}
    pages = {n[:-3] for n in os.listdir(RULES_DIR) if n.endswith(".md")}
    assert pages == codes
    for r in ALL_RULES:
        with open(os.path.join(RULES_DIR, f"{r.code}.md"), encoding="utf-8", newline="") as fh:
            assert fh.read() == rule_page(r)


def test_gen_docs_check_passes_and_detects_stale(tmp_path):
    p = subprocess.run([sys.executable, GEN, "--check"], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    # a copy of the tool in a scratch tree whose pages are stale / extra
    import shutil

    shutil.copytree(os.path.join(ROOT, "docs"), tmp_path / "docs")
    (tmp_path / "tools").mkdir()
    shutil.copy(GEN, tmp_path / "tools" / "gen_docs.py")
    shutil.copytree(os.path.join(ROOT, "inplace_lint"), tmp_path / "inplace_lint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "docs" / "rules" / "IPL001.md").write_text("old text\n")
    (tmp_path / "docs" / "rules" / "IPL999.md").write_text("gone\n")
    tool = str(tmp_path / "tools" / "gen_docs.py")
    p = subprocess.run([sys.executable, tool, "--check"], capture_output=True, text=True)
    assert p.returncode == 1
    assert "stale: docs/rules/IPL001.md" in p.stdout and "no such rule: docs/rules/IPL999.md" in p.stdout
    assert (tmp_path / "docs" / "rules" / "IPL001.md").read_text() == "old text\n"  # --check writes nothing
    p = subprocess.run([sys.executable, tool], capture_output=True, text=True)
    assert p.returncode == 0
    assert not (tmp_path / "docs" / "rules" / "IPL999.md").exists()
    assert subprocess.run([sys.executable, tool, "--check"], capture_output=True).returncode == 0


def test_index_links_every_rule_and_the_other_pages():
    with open(os.path.join(ROOT, "docs", "index.md"), encoding="utf-8") as fh:
        index = fh.read()
    for r in ALL_RULES:
        assert f"[{r.code}](rules/{r.code}.md)" in index
    for page in ("integrations.md", "editors.md", "runtime-watch.md", "runtime-replay.md"):
        assert f"]({page})" in index
    assert os.path.isfile(os.path.join(ROOT, "docs", "integrations.md"))


def test_rules_command_lists_exactly_all_rules():
    out = CliRunner().invoke(main, ["rules"]).output
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert listed == [r.code for r in ALL_RULES]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_explain_prints_the_page(rule):
    res = CliRunner().invoke(main, ["explain", rule.code.lower()])
    assert res.exit_code == 0
    assert res.output == rule_page(rule) + "\n"


def test_explain_unknown_code_exits_2():
    res = CliRunner().invoke(main, ["explain", "BAD"])
    assert res.exit_code == 2 and "unknown rule code" in res.output


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_examples(rule):
    assert rule.VALID and rule.INVALID
    # an opt-in rule (IPL100) is judged with itself selected, at its own severity
    config = Config(select=("IPL", rule.code)) if rule.code in OPT_IN else None
    severity = getattr(rule, "severity", ERROR)
    for i, src in enumerate(rule.VALID):
        res = check_source(src, f"valid_{i}.py", config)
        assert res.problem is None
        assert not [f for f in res.findings if f.code == rule.code], src
    for i, src in enumerate(rule.INVALID):
        res = check_source(src, f"invalid_{i}.py", config)
        assert res.problem is None
        assert [f for f in res.findings if f.code == rule.code and f.severity == severity], src
        if rule.code in OPT_IN:  # off by default
            assert not [f for f in check_source(src, "x.py").findings if f.code == rule.code]
