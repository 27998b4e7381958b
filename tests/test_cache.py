"""The result cache gives exactly what a fresh run gives, and stays sound and small."""
import json
import os
import subprocess
import sys

import pytest

from corpus_slice import ROOT, make_slice
from inplace_lint import runner
from inplace_lint.cache import DIR_NAME, FORMAT, Cache, clean
from inplace_lint.config import Config
from inplace_lint.runner import analyze_source, check_parsed, check_paths, might_have_hazards, read_source


def _run(root, cache=None, jobs=1, config=None):
    out = []
    for r in check_paths([str(root)], config or Config(), jobs=jobs, cache=cache):
        out.append((r.path, [f.to_dict() for f in r.findings], None if r.problem is None else vars(r.problem)))
    return out


def _entries(cache_dir):
    base = os.path.join(cache_dir, f"v{FORMAT}")
    return [os.path.join(base, d, n) for d in os.listdir(base) for n in os.listdir(os.path.join(base, d))]


def _cli(*args, cwd=ROOT, env=None):
    full_env = dict(os.environ, PYTHONPATH=ROOT, **(env or {}))
    return subprocess.run([sys.executable, "-m", "inplace_lint", *args], cwd=cwd, capture_output=True, text=True,
                          env=full_env)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    dest = tmp_path_factory.mktemp("slice")
    assert make_slice(str(dest)) >= 7
    return dest


@pytest.fixture(scope="module")
def fresh(corpus):
    """The reference: no cache, one process."""
    return _run(corpus)


def _boom(*_a, **_k):
    raise AssertionError("analysed again although the cache holds the result")


def test_cold_parallel_and_warm_runs_equal_a_fresh_run(corpus, fresh, tmp_path, monkeypatch):
    # the slice is worth comparing: many findings, notebooks, a file that does not parse
    assert sum(len(f) for _, f, _ in fresh) >= 30
    assert any(p.endswith(".ipynb") and f for p, f, _ in fresh)
    assert any(prob and "syntax error" in prob["message"] for _, _, prob in fresh)
    assert len(fresh) >= 16  # enough files for check_paths to use worker processes
    cold = _run(corpus, Cache(str(tmp_path / "c")), jobs=2)  # entries written by the workers
    assert cold == fresh
    monkeypatch.setattr(runner, "analyze_source", _boom)
    assert _run(corpus, Cache(str(tmp_path / "c")), jobs=1) == fresh
    assert _run(corpus, Cache(str(tmp_path / "c")), jobs=2) == fresh


def test_prefilter_skips_only_files_without_findings(corpus):
    skipped = 0
    for dirpath, _, names in os.walk(corpus):
        for name in names:
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            text, problem = read_source(path, Config())
            if problem is None and not might_have_hazards(text):
                skipped += 1
                forced = check_parsed(text, path, None, noqa=False)
                assert forced.findings == [] and forced.problem is None, path
    assert skipped >= 2


def test_prefilter_lets_through_a_file_whose_only_write_loads_weights():
    # load_state_dict and update_parameters write parameters in place with no underscore
    text = ("import torch\nD = torch.nn.Linear(2, 1)\nbackup = D.state_dict()\n"
            "loss = D(torch.randn(3, 2, requires_grad=True)).sum()\nD.load_state_dict(backup)\nloss.backward()\n")
    assert might_have_hazards(text)
    assert [f.code for f in check_parsed(text, "w.py", None, noqa=False).findings] == ["IPL001"]
    assert might_have_hazards("ema.update_parameters(model)\n")
    assert not might_have_hazards("state = model.state_dict()\n")


def test_cli_jobs_and_cache_do_not_change_the_output(corpus, fresh, tmp_path):
    env = {"INPLACE_LINT_CACHE_DIR": str(tmp_path / "c")}
    args = ("check", "--format", "json", "--exit-zero", str(corpus))
    serial = _cli(*args, "--no-cache", "--jobs", "1", env=env)
    assert not os.path.exists(tmp_path / "c")  # --no-cache writes nothing
    parallel_cold = _cli(*args, "--jobs", "2", env=env)
    warm = _cli(*args, "--jobs", "1", env=env)
    # --exit-zero: 0 even with the syntax error (issue 8); the problem is still printed
    assert serial.returncode == parallel_cold.returncode == warm.returncode == 0
    assert serial.stdout == parallel_cold.stdout == warm.stdout
    assert serial.stderr == parallel_cold.stderr == warm.stderr
    assert json.loads(serial.stdout) == [f for _, fs, _ in fresh for f in fs]


def _project(tmp_path, body="import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n",
             name="m.py"):
    p = tmp_path / name
    p.write_text(body)
    return str(p)


def test_folder_layout_tag_and_gitignore(tmp_path):
    path = _project(tmp_path)
    cache = Cache(str(tmp_path / DIR_NAME))
    first = _run(path, cache)
    assert first[0][1]
    d = tmp_path / DIR_NAME
    assert (d / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (d / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(_entries(str(d))) == 1
    # an edit replaces the file's entry: the folder does not grow with edits
    (tmp_path / "m.py").write_text((tmp_path / "m.py").read_text() + "z = 1\n")
    _run(path, cache)
    assert len(_entries(str(d))) == 1


def test_corrupt_foreign_and_stale_entries_are_ignored_and_rewritten(tmp_path, monkeypatch):
    path = _project(tmp_path)
    d = str(tmp_path / "c")
    want = _run(path)
    _run(path, Cache(d))
    (entry,) = _entries(d)
    good = open(entry).read()
    for bad in ("", "{not json", good[: len(good) // 2], json.dumps(dict(json.loads(good), path="other.py")),
                json.dumps(dict(json.loads(good), format=0)), json.dumps(dict(json.loads(good), findings=[[1]])),
                "[]", "null"):
        with open(entry, "w") as f:
            f.write(bad)
        assert _run(path, Cache(d)) == want
        assert json.loads(open(entry).read()) == json.loads(good)  # rewritten whole


def test_content_settings_and_dependencies_are_part_of_the_key(tmp_path, monkeypatch):
    path = _project(tmp_path)
    dep = tmp_path / "dep.py"
    dep.write_text("A = 1\n")
    d = str(tmp_path / "c")
    cache = Cache(d)
    text, _ = read_source(path, Config())
    raw = analyze_source(text, path)
    from inplace_lint.cache import content_hash

    cache.put(path, content_hash(text), raw.findings, raw.problem, deps=[str(dep)])
    assert Cache(d).get(path, content_hash(text)) is not None
    assert Cache(d).get(path, content_hash(text + "\n")) is None  # other content
    assert Cache(d, settings="other analysis setting").get(path, content_hash(text)) is None
    dep.write_text("A = 2\n")
    assert Cache(d).get(path, content_hash(text)) is None  # an imported project file changed
    dep.unlink()
    assert Cache(d).get(path, content_hash(text)) is None


def test_configuration_and_noqa_apply_to_cached_results(tmp_path, monkeypatch):
    body = ("import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n"
            "x.add_(1)\nz = torch.sigmoid(x)\nz.mul_(2)  # noqa: IPL001\n")
    path = _project(tmp_path, body)
    d = str(tmp_path / "c")
    configs = [Config(), Config(select=("IPL002",)), Config(ignore=("IPL002",)),
               Config(per_file_ignores={"*.py": ("IPL001",)}, root=str(tmp_path))]
    want = [_run(path, config=c) for c in configs]
    codes = [sorted(f["code"] for _, fs, _ in w for f in fs) for w in want]
    assert codes == [["IPL001", "IPL002"], ["IPL002"], ["IPL001"], ["IPL002"]]  # the noqa'd line never shows
    _run(path, Cache(d))
    monkeypatch.setattr(runner, "analyze_source", _boom)
    assert [_run(path, Cache(d), config=c) for c in configs] == want


def test_size_is_bounded(tmp_path):
    d = str(tmp_path / "c")
    for i in range(30):
        _run(_project(tmp_path, f"import torch\nx{i} = torch.zeros(3)\nx{i}.add_(1)\n", f"m{i}.py"), Cache(d))
    assert len(_entries(d)) == 30
    size = sum(os.path.getsize(e) for e in _entries(d))
    cache = Cache(d, max_bytes=size // 3)
    cache.prune()
    assert 0 < sum(os.path.getsize(e) for e in _entries(d)) <= size // 3


def test_unwritable_cache_costs_only_time(tmp_path):
    path = _project(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _run(path, Cache(str(blocker / "c"))) == _run(path)


def test_parallel_runs_share_one_cache_safely(tmp_path):
    src = tmp_path / "src"
    make_fixtures = [os.path.join(ROOT, "tests", "fixtures", "static", n)
                     for n in os.listdir(os.path.join(ROOT, "tests", "fixtures", "static"))]
    src.mkdir()
    for i in range(2):  # the same files under several names: many writes at once
        for p in make_fixtures:
            (src / f"{i}_{os.path.basename(p)}").write_text(open(p).read())
    env = dict(os.environ, PYTHONPATH=ROOT, INPLACE_LINT_CACHE_DIR=str(tmp_path / "c"))
    cmd = [sys.executable, "-m", "inplace_lint", "check", "--format", "json", "--exit-zero", "-j", "1", str(src)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate()[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert outs[0] == outs[1] and json.loads(outs[0])
    for e in _entries(str(tmp_path / "c")):
        json.loads(open(e).read())  # every entry whole
    assert not [n for e in _entries(str(tmp_path / "c")) for n in [os.path.basename(e)] if n.startswith(".tmp")]
    again = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.stdout == outs[0]


def test_cache_dir_setting_env_and_clean(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\ncache-dir = "build/ipl"\n')
    _project(tmp_path)
    env = {"INPLACE_LINT_CACHE_DIR": ""}
    r = _cli("check", "m.py", cwd=tmp_path, env=env)
    assert r.returncode == 1, r.stderr
    assert (tmp_path / "build" / "ipl" / "CACHEDIR.TAG").exists()
    assert not (tmp_path / DIR_NAME).exists()
    r = _cli("check", "m.py", cwd=tmp_path, env={"INPLACE_LINT_CACHE_DIR": str(tmp_path / "elsewhere")})
    assert r.returncode == 1 and (tmp_path / "elsewhere" / "CACHEDIR.TAG").exists()
    r = _cli("clean", cwd=tmp_path, env=env)
    assert r.returncode == 0 and not (tmp_path / "build" / "ipl").exists() and (tmp_path / "m.py").exists()
    # clean refuses a folder that is not a cache of ours
    (tmp_path / "build" / "ipl").mkdir(parents=True)
    (tmp_path / "build" / "ipl" / "keep.txt").write_text("mine")
    r = _cli("clean", cwd=tmp_path, env=env)
    assert r.returncode == 2 and (tmp_path / "build" / "ipl" / "keep.txt").exists()
    with pytest.raises(ValueError):
        clean(str(tmp_path / "build" / "ipl"))
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\ncache-dir = 3\n')
    r = _cli("check", "m.py", cwd=tmp_path, env=env)
    assert r.returncode == 2 and "cache-dir" in r.stderr


_PROBE = """
import sys
from inplace_lint.frontends.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
heavy = ("libcst", "concurrent.futures.process", "inplace_lint.runtime", "torch", "inplace_lint.frontends.fix",
         "inplace_lint.engine.interpreter", "pathspec", "asyncio")
print("LOADED:", *[m for m in heavy if m in sys.modules], file=sys.stderr)
"""


def test_start_up_imports_only_what_the_run_needs(tmp_path):
    (tmp_path / "plain.py").write_text("import os\nprint(os.getcwd())\n")
    _project(tmp_path)
    env = dict(os.environ, PYTHONPATH=ROOT, INPLACE_LINT_CACHE_DIR=str(tmp_path / "c"))

    def loaded(*args):
        r = subprocess.run([sys.executable, "-c", _PROBE, "check", *args], cwd=tmp_path, env=env, capture_output=True,
                           text=True)
        assert "Traceback" not in r.stderr, r.stderr
        return set(r.stderr.split("LOADED:")[1].split())

    assert loaded("--no-cache", "plain.py") == set()  # the prefilter answers: no parser, no pool
    # cold: parsed (in this process when files are not checked in a forked worker, see isolation)
    env["INPLACE_LINT_NO_WORKER"] = "1"
    assert loaded("--jobs", "1", "m.py") == {"libcst", "inplace_lint.engine.interpreter"}
    del env["INPLACE_LINT_NO_WORKER"]
    assert loaded("m.py") == set()  # warm: answered from the cache


MAIN = ("import torch\nfrom utils import scaled\n\nx = torch.randn(4, requires_grad=True)\nh = torch.tanh(x)\n"
        "n = scaled(h)\n(h + n).sum().backward()\n")
UTILS_SAFE = "def scaled(t):\n    return t * 2\n"
UTILS_INPLACE = "def scaled(t):\n    t.mul_(2)\n    return t\n"


def test_an_edited_project_module_invalidates_the_files_that_import_it(tmp_path):
    # main.py has no in-place text of its own: whether it has a finding depends on utils.py only
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    (tmp_path / "main.py").write_text(MAIN)
    env = {"INPLACE_LINT_CACHE_DIR": str(tmp_path / "c")}
    args = ("check", "--format", "json", "--exit-zero", "main.py")
    for utils in (UTILS_SAFE, UTILS_INPLACE, UTILS_SAFE):
        (tmp_path / "utils.py").write_text(utils)
        fresh = _cli(*args, "--no-cache", cwd=tmp_path, env=env)
        cold_or_warm = _cli(*args, cwd=tmp_path, env=env)
        again = _cli(*args, cwd=tmp_path, env=env)
        assert fresh.stdout == cold_or_warm.stdout == again.stdout, (utils, fresh.stderr)
        found = [(f["path"], f["line"]) for f in json.loads(fresh.stdout)]
        assert found == ([("main.py", 6)] if utils == UTILS_INPLACE else [])


def test_a_serial_scan_in_process_keeps_trees_out_of_collections_with_the_same_findings(corpus, fresh, monkeypatch):
    """runner._tree_out_of_collections: within a serial scan in this process each file's
    tree is frozen out of the collector's walks; the scan gives every object back at its
    end, and the findings are those of a run without it (``fresh`` ran in the worker)."""
    import gc
    from contextlib import nullcontext

    monkeypatch.setenv("INPLACE_LINT_NO_WORKER", "1")
    assert gc.get_freeze_count() == 0
    before = gc.get_threshold()
    frozen, out = [], []
    for r in check_paths([str(corpus)], Config(), jobs=1):
        frozen.append(gc.get_freeze_count())
        out.append((r.path, [f.to_dict() for f in r.findings], None if r.problem is None else vars(r.problem)))
    assert out == fresh
    assert max(frozen) > 10_000  # trees (hundreds of thousands of objects for the slice)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    monkeypatch.setattr(runner, "_tree_out_of_collections", nullcontext)
    assert _run(corpus) == fresh


def test_only_the_scanning_process_freezes(monkeypatch):
    """A process forked during a scan inherits the scan's mark, not the scan: its parses
    freeze nothing (the checking worker marks itself), nor does a parse outside any
    scan (flake8, the language server)."""
    import gc

    source = "import torch\nx = torch.zeros(3)\nx.add_(1)\n"
    monkeypatch.setattr(runner, "_freeze_trees", os.getpid() + 1)
    assert runner.parse_module(source, "a.py")[0] is not None and gc.get_freeze_count() == 0
    monkeypatch.setattr(runner, "_freeze_trees", 0)
    assert runner.parse_module(source, "a.py")[0] is not None and gc.get_freeze_count() == 0
    with runner.rare_collections(scan=True):
        assert runner.parse_module(source, "a.py")[0] is not None and gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
