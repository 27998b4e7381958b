"""Whole-project analysis: multi-file fixture projects with inline expectations.

Each folder of ``tests/fixtures/projects`` is a small project (2-4 modules and
an entry script).  Lines carry their expected findings as in the static
fixtures (``# expect: IPL001:error``); every other line of every file must stay
quiet.  The labels themselves are checked by running every project under torch.
"""
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

from inplace_lint.config import Config, load_config
from inplace_lint.engine.project import ProjectIndex, dependencies, project_roots
from inplace_lint.runner import check_paths, check_source

REPO = pathlib.Path(__file__).resolve().parent.parent
PROJECTS = REPO / "tests" / "fixtures" / "projects"
EXPECT = re.compile(r"#\s*expect:\s*(.+)$")
NAMES = sorted(p.name for p in PROJECTS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def expected(folder):
    out = set()
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(folder).as_posix()
        for i, line in enumerate(path.read_text().splitlines(), 1):
            m = EXPECT.search(line)
            if m:
                for item in m.group(1).split(","):
                    code, sev = item.strip().split(":")
                    out.add((rel, i, code, sev))
    return out


def check_project(folder, monkeypatch):
    """``cd folder && inplace-lint check .``, in process."""
    monkeypatch.chdir(folder)
    results = list(check_paths(["."], load_config(["."]), jobs=1))
    assert all(r.problem is None for r in results)
    return results


@pytest.mark.parametrize("name", NAMES)
def test_project_findings_match_exactly(name, monkeypatch):
    results = check_project(PROJECTS / name, monkeypatch)
    got = {(f.path, f.line, f.code, f.severity) for r in results for f in r.findings}
    assert got == expected(PROJECTS / name)


def test_fixture_set_has_hazards_and_safe_lookalikes():
    hazards = [n for n in NAMES if any(s == "error" for *_, s in expected(PROJECTS / n))]
    safe = [n for n in NAMES if not expected(PROJECTS / n)]
    assert len(hazards) >= 12 and len(safe) >= 8


def test_labels_agree_with_torch():
    """A project with an expected error raises torch's autograd error when run; a safe one runs."""
    pytest.importorskip("torch")
    out = subprocess.run([sys.executable, str(PROJECTS / "run_under_torch.py")], capture_output=True, text=True,
                         cwd=REPO, timeout=240)
    assert out.returncode == 0, out.stderr
    verdicts = {d["project"]: d for d in map(json.loads, out.stdout.splitlines())}
    assert set(verdicts) == set(NAMES)
    for name in NAMES:
        has_error = any(s == "error" for *_, s in expected(PROJECTS / name))
        assert verdicts[name]["verdict"] == ("raises" if has_error else "runs"), (name, verdicts[name])


def test_message_names_both_files(monkeypatch):
    results = check_project(PROJECTS / "h01_from_import_helper", monkeypatch)
    (f,) = [f for r in results for f in r.findings]
    assert f.path == "main.py" and f.line == 6
    assert "`h`" in f.message and "`tanh` at line 5" in f.message and "utils.py:5" in f.message
    assert any(r.path == "utils.py" and r.line == 5 for r in f.related)
    assert any(r.path is None and r.line == 5 and "tanh" in r.message for r in f.related)


def test_save_in_other_module_is_named_with_its_path(monkeypatch):
    results = check_project(PROJECTS / "h04_relative_layer_saves", monkeypatch)
    (f,) = [f for r in results for f in r.findings]
    assert f.path == "pkg/models.py"
    assert "`sigmoid` at pkg/layers.py:7" in f.message
    assert any(r.path == "pkg/layers.py" and r.line == 7 for r in f.related)


def test_save_by_a_lambda_of_another_module_is_placed_in_that_module(monkeypatch):
    # a registry's lambda runs in its own module: its save is named there, not in the caller's
    name = "h43_registry_lambda_saves_output_reached_four_calls_deep_from_the_entry"
    results = check_project(PROJECTS / name, monkeypatch)
    (f,) = [f for r in results for f in r.findings]
    # reported at the write (the entry's analysis found it; see the tests of relocation below)
    assert f.path == "gauss/transforms.py" and f.line == 15
    assert "`exp` at gauss/transforms.py:5" in f.message
    assert any(r.path is None and r.line == 5 and "exp" in r.message for r in f.related)


H43 = PROJECTS / "h43_registry_lambda_saves_output_reached_four_calls_deep_from_the_entry"


def test_a_write_found_from_the_entry_is_reported_at_the_write_with_the_calls_that_lead_there(monkeypatch):
    results = check_project(H43, monkeypatch)
    (f,) = [f for r in results for f in r.findings]
    assert (f.path, f.line, f.column) == ("gauss/transforms.py", 15, 12)
    assert "reached through " in f.message and "called at main.py:10" in f.message
    calls = f.message[f.message.index("[reached"):]
    assert calls.index("main.py:10") < calls.index("gauss/")  # outermost call first
    assert any(r.path == "main.py" and r.line == 10 and "leads to this write" in r.message for r in f.related)
    assert not any(r.path == "gauss/transforms.py" for r in f.related)  # the finding's own file: no path


def test_the_entry_checked_alone_keeps_the_finding_at_its_call(monkeypatch):
    monkeypatch.chdir(H43)
    (r,) = check_paths(["main.py"], load_config(["."]), jobs=1)
    (f,) = r.findings
    assert (f.path, f.line) == ("main.py", 10)
    assert any(x.path == "gauss/transforms.py" and x.line == 15 and x.message.startswith("modified in place here")
               for x in f.related)


def _copy_h43(tmp_path, edit_file, line, comment):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(H43, root)
    p = root / edit_file
    lines = p.read_text().split("\n")
    lines[line - 1] = re.sub(r"\s*# expect:.*$", "", lines[line - 1]) + "  " + comment
    p.write_text("\n".join(lines))
    return root


@pytest.mark.parametrize("where", [("main.py", 10), ("gauss/transforms.py", 15)])
def test_noqa_at_the_call_or_at_the_write_suppresses_a_moved_finding(tmp_path, monkeypatch, where):
    root = _copy_h43(tmp_path, *where, "# noqa: IPL001")
    results = check_project(root, monkeypatch)
    assert [f for r in results for f in r.findings] == []
    # and the other code is not suppressed by it
    root2 = _copy_h43(tmp_path / "b", *where, "# noqa: IPL003")
    results = check_project(root2, monkeypatch)
    assert [(f.path, f.line) for r in results for f in r.findings] == [("gauss/transforms.py", 15)]


def test_a_moved_finding_comes_back_identical_from_the_cache(tmp_path, monkeypatch):
    from inplace_lint.cache import Cache

    from inplace_lint import runner

    monkeypatch.chdir(H43)

    def run():
        cache = Cache(str(tmp_path / "cache"))
        return [f.to_dict() for r in check_paths(["."], load_config(["."]), jobs=1, cache=cache) for f in r.findings]

    cold = run()

    def no_analysis(*a, **k):
        raise AssertionError("a warm run analysed a file")

    monkeypatch.setattr(runner.isolation, "run", no_analysis)
    assert run() == cold and len(cold) == 1 and cold[0]["path"] == "gauss/transforms.py"


def test_without_the_project_the_hazard_is_invisible():
    """The same file checked alone (stdin, no project) reports nothing: the finding comes from the other module."""
    text = (PROJECTS / "h01_from_import_helper" / "main.py").read_text()
    assert check_source(text, "<stdin>", Config()).findings == []


def test_single_file_check_uses_the_files_project(monkeypatch):
    """flake8 and editors check one file; its project's other modules are still read."""
    folder = PROJECTS / "h15_chained_helpers_three_modules"
    monkeypatch.chdir(folder)
    r = check_source((folder / "main.py").read_text(), "main.py", load_config(["main.py"]))
    assert [(f.line, f.code, f.severity) for f in r.findings] == [(6, "IPL001", "error")]


def test_cli_json_on_a_project():
    folder = PROJECTS / "h07_init_reexport_inplace_act"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # --no-cache: a test must not leave a cache folder in the repository's fixtures
    out = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--no-cache", "--format", "json", "."],
                         cwd=folder,
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1, out.stderr
    items = json.loads(out.stdout)
    assert [(i["path"], i["line"], i["severity"]) for i in items] == [("main.py", 6, "error")]
    assert any(r["path"] == "blocks/layers.py" for r in items[0]["related"])


def test_module_resolution_forms(tmp_path):
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    for rel in ("pkg/__init__.py", "pkg/sub/__init__.py", "pkg/sub/deep.py", "pkg/layers.py", "top.py"):
        (tmp_path / rel).write_text("")
    (tmp_path / "src" / "inner").mkdir(parents=True)
    (tmp_path / "src" / "inner" / "__init__.py").write_text("")
    idx = ProjectIndex(project_roots([str(tmp_path)]))
    assert idx.find("pkg.layers") == str(tmp_path / "pkg" / "layers.py")
    assert idx.find("pkg.sub") == str(tmp_path / "pkg" / "sub" / "__init__.py")
    assert idx.find("inner") == str(tmp_path / "src" / "inner" / "__init__.py")  # src/ layout
    assert idx.find("torch.nn") is None and idx.find("os") is None
    assert idx.module_name(str(tmp_path / "pkg" / "sub" / "deep.py")) == "pkg.sub.deep"
    assert idx.absolute("pkg.sub.deep", False, "", 1) == "pkg.sub"
    assert idx.absolute("pkg.sub.deep", False, "layers", 2) == "pkg.layers"
    assert idx.absolute("pkg.sub", True, "deep", 1) == "pkg.sub.deep"
    assert idx.absolute("top", False, "x", 1) is None


def test_configured_src_root(tmp_path):
    (tmp_path / "lib" / "mypkg").mkdir(parents=True)
    (tmp_path / "lib" / "mypkg" / "__init__.py").write_text("")
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\nsrc = ["lib"]\n')
    cfg = load_config([str(tmp_path)])
    assert cfg.src == ("lib",)
    idx = ProjectIndex(project_roots([str(tmp_path)], cfg))
    assert idx.find("mypkg") == str(tmp_path / "lib" / "mypkg" / "__init__.py")


def test_dependencies_are_transitive_project_imports():
    folder = PROJECTS / "h15_chained_helpers_three_modules"
    idx = ProjectIndex(project_roots([str(folder)]))
    deps = dependencies(idx, str(folder / "main.py"))
    assert deps == sorted(str(folder / p) for p in ("tools/__init__.py", "tools/prep.py", "tools/scale.py"))
    assert dependencies(idx, str(folder / "tools" / "scale.py")) == []


def test_import_cycle_is_cut(tmp_path):
    (tmp_path / "a.py").write_text("from b import g\n\ndef f(t):\n    return g(t)\n")
    (tmp_path / "b.py").write_text("from a import f\n\ndef g(t):\n    t.mul_(2)\n    return f(t)\n")
    (tmp_path / "main.py").write_text("import torch\nfrom a import f\n\nx = torch.randn(3, requires_grad=True)\n"
                                      "y = torch.exp(x)\nf(y)\ny.sum().backward()\n")
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    results = list(check_paths([str(tmp_path)], load_config([str(tmp_path)]), jobs=1))
    found = {(os.path.basename(r.path), f.line, f.severity) for r in results for f in r.findings}
    assert ("main.py", 6, "error") in found


def test_each_module_is_summarised_once(monkeypatch):
    folder = PROJECTS / "s02_act_after_nonsaving_layer"
    monkeypatch.chdir(folder)
    idx = ProjectIndex(project_roots(["."], load_config(["."])))
    import inplace_lint.engine.project.modules as modules

    calls = []
    real = modules.load_module
    monkeypatch.setattr(modules, "load_module", lambda i, p: calls.append(p) or real(i, p))
    for name in ("main.py", "models.py", "main.py"):
        check_source((folder / name).read_text(), name, Config(), idx)
    assert sorted(os.path.basename(p) for p in calls) == ["layers.py", "models.py"]


def test_result_depends_on_the_modules_it_read(monkeypatch):
    """``FileResult.deps``: what the result cache adds to a file's key."""
    folder = PROJECTS / "h15_chained_helpers_three_modules"
    monkeypatch.chdir(folder)
    results = {r.path: r for r in check_paths(["."], load_config(["."]), jobs=1)}
    # the package __init__ holds nothing the analysis needed: only the modules it read count
    assert sorted(os.path.relpath(d) for d in results["main.py"].deps) == ["tools/prep.py", "tools/scale.py"]
    assert results["tools/scale.py"].deps == ()


def test_edited_module_is_summarised_again(tmp_path):
    """A long-lived process (editor, language server) sees a helper's new body."""
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    helper = tmp_path / "helpers.py"
    helper.write_text("def scale(t):\n    return t * 2\n")
    main = tmp_path / "main.py"
    main.write_text("import torch\nfrom helpers import scale\n\nx = torch.randn(3, requires_grad=True)\n"
                    "y = torch.exp(x)\nscale(y)\ny.sum().backward()\n")
    idx = ProjectIndex(project_roots([str(tmp_path)]))
    assert check_source(main.read_text(), str(main), Config(), idx).findings == []
    helper.write_text("def scale(t):\n    t.mul_(2)\n    return t\n")
    os.utime(helper, ns=(helper.stat().st_atime_ns, helper.stat().st_mtime_ns + 10**9))
    found = check_source(main.read_text(), str(main), Config(), idx).findings
    assert [(f.line, f.severity) for f in found] == [(6, "error")]


def test_cached_result_is_redone_when_an_imported_module_changes(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    (tmp_path / "utils.py").write_text("def normalize_(t):\n    t.sub_(t.mean())\n    return t\n")
    (tmp_path / "main.py").write_text("import torch\nfrom utils import normalize_\n\n"
                                      "x = torch.randn(4, requires_grad=True)\nh = torch.tanh(x)\nnormalize_(h)\n"
                                      "h.sum().backward()\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def run():
        out = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--format", "json", "."],
                             cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
        return [(i["path"], i["line"], i["severity"]) for i in json.loads(out.stdout)]

    assert run() == [("main.py", 6, "error")]
    assert run() == [("main.py", 6, "error")]  # from the cache
    (tmp_path / "utils.py").write_text("def normalize_(t):\n    return t - t.mean()\n")
    assert run() == []  # main.py is unchanged, but what it imports changed


def test_a_module_past_the_summary_size_stays_opaque(tmp_path):
    # Importers see through small helper modules; a module past MAX_SUMMARY_BYTES
    # is opaque to them, as third-party code is (its own findings are unaffected).
    from inplace_lint.engine.project.index import MAX_SUMMARY_BYTES

    helper = "def normalize_(t):\n    t.div_(t.norm())\n    return t\n"
    main = ("import torch\nfrom helpers import normalize_\n\nx = torch.randn(3, requires_grad=True)\n"
            "y = torch.exp(x)\nnormalize_(y)\ny.sum().backward()\n")
    found = {}
    for size, pad in (("small", ""), ("large", "#" * 99 + "\n")):
        d = tmp_path / size
        d.mkdir()
        text = helper + pad * (MAX_SUMMARY_BYTES // 100 + 1)
        (d / "helpers.py").write_text(text)
        (d / "main.py").write_text(main)
        (d / "pyproject.toml").write_text("[tool.inplace-lint]\n")
        results = check_paths([str(d / "main.py")], load_config([str(d)]), jobs=1)
        found[size] = {(f.line, f.severity) for r in results for f in r.findings}
    assert (6, "error") in found["small"]
    assert found["large"] == set()


def test_star_imports_summarise_only_modules_that_can_bind_the_name(tmp_path, monkeypatch):
    # transformers' __init__ star-imports hundreds of modules; looking up one name
    # (or __name__, globals) through them must not summarise them all
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .ops import *\nfrom .sub import *\nfrom .other import *\n")
    (pkg / "ops.py").write_text("import torch\n\ndef scale_(t):\n    t.mul_(2)\n    return t\n")
    (pkg / "other.py").write_text("import torch\n\ndef unrelated(t):\n    return t + 1\n")
    (pkg / "sub" / "__init__.py").write_text("from .deep import *\n")
    (pkg / "sub" / "deep.py").write_text("import torch\n\ndef deeper(t):\n    return t * 3\n")
    main = tmp_path / "main.py"
    main.write_text("import sys\nimport torch\nfrom pkg import *\n\nprint(__name__, globals())\n"
                    "x = torch.randn(3, requires_grad=True)\ny = torch.exp(x)\nscale_(y)\ny.sum().backward()\n")
    import inplace_lint.engine.project.modules as modules

    loaded = []
    real = modules.load_module
    monkeypatch.setattr(modules, "load_module", lambda i, p: loaded.append(p) or real(i, p))
    idx = ProjectIndex(project_roots([str(tmp_path)]))
    found = check_source(main.read_text(), str(main), Config(), idx).findings
    assert [(f.line, f.severity) for f in found] == [(8, "error")]  # scale_ found through the star chain
    names = sorted(os.path.relpath(p, tmp_path) for p in loaded)
    assert "pkg/other.py" not in names and "pkg/sub/deep.py" not in names, names
    assert "pkg/ops.py" in names


def test_a_save_of_each_path_of_a_join_in_another_module_is_placed_there(tmp_path, monkeypatch):
    # cos saved "x or y" inside ops.py: the save it made of x on x's path is placed at
    # ops.py's line, not at the checked file's first line
    (tmp_path / "ops.py").write_text(
        "import torch\n\n\ndef act(x, y, flag):\n    a = torch.sin(x)\n    h = x if flag else y\n"
        "    return a + torch.cos(h)\n")
    (tmp_path / "main.py").write_text(
        "import sys\n\nimport torch\n\nfrom ops import act\n\n\ndef main(flag):\n"
        "    x = torch.randn(3, requires_grad=True) * 1\n    y = torch.randn(3, requires_grad=True) * 1\n"
        "    out = act(x, y, flag)\n    x.add_(1)\n    out.sum().backward()\n\n\n"
        "if __name__ == \"__main__\":\n    main(len(sys.argv) > 1)\n")
    results = check_project(tmp_path, monkeypatch)
    (f,) = [f for r in results for f in r.findings]
    assert (f.path, f.line, f.severity) == ("main.py", 12, "error")
    places = {(r.path, r.line) for r in f.related}
    assert places == {("ops.py", 5), ("ops.py", 7)}


def _gate_project(tmp_path, pyproject, extra=None):
    """The s31 fixture (an entry script builds a package's gate with its safe option only),
    with another pyproject.toml and files."""
    import shutil

    src = PROJECTS / "s31_entry_config_builds_the_package_gate_with_its_safe_option"
    dst = tmp_path / "proj"
    shutil.copytree(src, dst)
    (dst / "pyproject.toml").write_text(pyproject)
    for rel, text in (extra or {}).items():
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        (dst / rel).write_text(text)
    return dst


def _errors(folder, monkeypatch):
    return {(f.path, f.line) for r in check_project(folder, monkeypatch) for f in r.findings if f.severity == "error"}


def test_an_installable_package_keeps_its_classes_arguments_unknown(tmp_path, monkeypatch):
    # the same code as s31, packaged for installation: its users build the gate, not main.py
    folder = _gate_project(tmp_path, '[project]\nname = "spec"\nversion = "0.1"\n')
    assert _errors(folder, monkeypatch) == {("spec/layers.py", 16)}


def test_a_construction_outside_the_entry_scripts_keeps_the_arguments_unknown(tmp_path, monkeypatch):
    # a script in a subfolder is not one of the programs run: its construction is not seen
    tool = "from spec import GatedNet\n\n\ndef export():\n    return GatedNet(reuse_buffer=True)\n"
    folder = _gate_project(tmp_path, "[tool.inplace-lint]\n", {"tools/export.py": tool})
    assert _errors(folder, monkeypatch) == {("spec/layers.py", 16)}
    # without it, the entry's safe option is the only one built (s31)
    (folder / "tools" / "export.py").unlink()
    assert _errors(folder, monkeypatch) == set()


def test_two_hazards_at_one_helper_write_are_both_reported(tmp_path, monkeypatch):
    # the helper's write is reached from two entries with different saves (each raises under
    # torch): one finding each, the one whose call shows the tensor at that call, the other at
    # the write (the model's warning about it is dropped); a third entry reaching the second
    # hazard again adds nothing
    files = {
        "pkg/__init__.py": "",
        "pkg/ops.py": "def scale_(t, s):\n    t.mul_(s)\n    return t\n",
        # the model's own check cannot know whether its input requires grad (a warning there)
        "pkg/model.py": ("import torch.nn as nn\n\nfrom .ops import scale_\n\n\n"
                         "class Net(nn.Module):\n    def forward(self, x):\n"
                         "        return scale_(x.sigmoid(), 2.0)\n"),
        "a.py": ("import torch\nimport pkg.ops as U\n\nx = torch.randn(3, 4, requires_grad=True)\n"
                 "h = x.exp()\nU.scale_(h, 3.0)\nh.sum().backward()\n"),
        "b.py": ("import torch\nfrom pkg.model import Net\n\n"
                 "Net()(torch.randn(3, 4, requires_grad=True)).sum().backward()\n"),
        "c.py": ("import torch\nfrom pkg.model import Net\n\nx = torch.randn(2, 4, requires_grad=True)\n"
                 "Net()(x).sum().backward()\n"),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    results = check_project(tmp_path, monkeypatch)
    got = sorted((f.path, f.line, f.severity) for r in results for f in r.findings)
    assert got == [("a.py", 6, "error"), ("pkg/ops.py", 2, "error")]
    (moved,) = [f for r in results for f in r.findings if f.path == "pkg/ops.py"]
    assert "sigmoid" in moved.message and "b.py:4" in moved.message


def test_a_main_block_with_a_loop_beside_the_entry_point_call():
    # the entry point search reads the plain calls under ``if __name__ == "__main__":`` and
    # steps over compound statements there (it crashed on a ``for`` loop)
    src = ("import torch\n\nCONFIG = {'mode': 'safe'}\n\n\ndef main(cfg=CONFIG):\n"
           "    x = torch.randn(3, requires_grad=True)\n    y = x.sigmoid()\n"
           "    if cfg['mode'] == 'unsafe':\n        y.mul_(2)\n    y.sum().backward()\n\n\n"
           "if __name__ == '__main__':\n    for _ in range(2):\n        print('run')\n    main()\n")
    r = check_source(src, "script.py", Config(), project=False)
    assert r.problem is None and r.findings == []
    r = check_source(src.replace("'mode': 'safe'", "'mode': 'unsafe'"), "script.py", Config(), project=False)
    assert r.problem is None and [(f.line, f.severity) for f in r.findings] == [(10, "error")]
