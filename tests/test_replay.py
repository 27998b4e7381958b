"""Replay: findings confirmed or refuted by running the fixture code under autograd.

All replays of a group run in one ``confirm()`` call (in parallel, one worker per
file), so torch is imported once per file, not once per test.
"""
import os
import subprocess
import sys
import time

import pytest

from inplace_lint.findings import ERROR, Finding, Related
from inplace_lint.runtime.replay import confirm

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "fixtures", "runtime")


def line_of(name, text):
    path = os.path.join(FIX, name)
    with open(path, encoding="utf-8") as fh:
        hits = [i for i, ln in enumerate(fh, 1) if text in ln]
    assert len(hits) == 1, (name, text, hits)
    return hits[0]


def finding(name, text, code="IPL001"):
    ln = line_of(name, text)
    return Finding(code, ERROR, os.path.join(FIX, name), ln, 5, ln, 10, "test finding",
                   related=(Related(ln, 1, "saved here"),))


# (key, file, text on the flagged line, code)
CASES = [
    ("module_vc", "replay_vc_module.py", "y.mul_(2.0)", "IPL001"),
    ("module_linear_safe", "replay_vc_module.py", "h.mul_(0.5)", "IPL001"),
    ("module_interpolate_safe", "replay_vc_module.py", "up += 1.0", "IPL001"),
    ("func_vc", "replay_vc_function.py", "y.mul_(scale)", "IPL001"),
    ("func_mask_vc", "replay_vc_function.py", "act.masked_fill_(mask, 0.0)", "IPL001"),
    ("func_interpolate_safe", "replay_vc_function.py", "up += bias", "IPL001"),
    ("leaf", "replay_leaf.py", "w.mul_(0.1)", "IPL002"),
    ("leaf_nograd_safe", "replay_leaf.py", "p.sub_(0.1 * p.grad)", "IPL002"),
    ("view_chunk", "replay_view.py", "q.mul_(0.5)", "IPL003"),
    ("data_silent", "replay_silent.py", "y.data.mul_(0.5)", "IPL004"),
    ("data_after_step_safe", "replay_silent.py", "p.data.clamp_(-1.0, 1.0)", "IPL004"),
    ("hooks_silent", "replay_silent.py", "e.add_(1.0)", "IPL005"),
    ("out_kwarg", "replay_silent.py", "torch.mul(a, b, out=out)", "IPL006"),
    ("unbuildable", "replay_unbuildable.py", "y.mul_(2.0)", "IPL001"),
    ("stubbed_import", "replay_stubbed.py", "p.clamp_(max=1.0)", "IPL001"),
    ("main_block", "replay_script.py", "y.mul_(2.0)", "IPL001"),
    ("module_constant_safe", "replay_script.py", "TABLE.add_(1.0)", "IPL001"),
    # main() fails at loss.backward() before it reaches the EMA line (regression: was refuted)
    ("ema_leaf", "replay_ema.py", "t_p.mul_(momentum)", "IPL002"),
    ("ema_focal", "replay_ema.py", "pt.clamp_(min=1e-6)", "IPL001"),
    # pre-norm `x += ...` (regression: refuted from a run that failed on a 2-D input)
    ("prenorm", "replay_prenorm.py", "x += self.mlp(self.ln2(x))", "IPL001"),
    ("prenorm_view", "replay_prenorm.py", "q *= self.scale", "IPL003"),
    ("mixer", "replay_prenorm.py", "x += h", "IPL001"),
    ("mixer_safe", "replay_prenorm.py", "h += x", "IPL001"),
    ("fails_later", "replay_fails_later.py", "h.add_(1.0)", "IPL001"),
    # the plain run and the trace run of run() both see one load of the module
    ("toplevel_once", "replay_toplevel.py", "y.mul_(2.0)", "IPL001"),
]


@pytest.fixture(scope="module")
def replayed():
    fs = {key: finding(name, text, code) for key, name, text, code in CASES}
    fs["missing_file"] = Finding("IPL001", ERROR, os.path.join(FIX, "no_such_file.py"), 3, 1, 3, 2, "x")
    t0 = time.time()
    confirm(list(fs.values()), timeout=30.0)
    fs["_elapsed"] = time.time() - t0
    return fs


def verdict(fs, key):
    f = fs[key]
    rep = f.extra["replay"]
    assert set(rep) >= {"verdict", "reason"}, rep
    assert isinstance(rep["reason"], str) and rep["reason"], rep
    expected_flag = {"confirmed": True, "refuted": False, "undecided": None}[rep["verdict"]]
    assert f.extra["confirmed"] is expected_flag
    return rep


def test_vc_in_module_forward_is_confirmed(replayed):
    rep = verdict(replayed, "module_vc")
    assert rep["verdict"] == "confirmed", rep
    assert "version-counter" in rep["reason"]
    assert "modified by an inplace operation" in rep["error"]
    assert rep["mutation_line"] == replayed["module_vc"].line
    # the tensor was saved by the sigmoid on the line before
    assert rep["save_line"] == replayed["module_vc"].line - 1
    assert "synthesised" in rep["strategy"]


def test_vc_in_function_with_synthesised_arguments_is_confirmed(replayed):
    for key in ("func_vc", "func_mask_vc"):
        rep = verdict(replayed, key)
        assert rep["verdict"] == "confirmed", (key, rep)
        assert rep["mutation_line"] == replayed[key].line


def test_leaf_hazard_is_confirmed(replayed):
    rep = verdict(replayed, "leaf")
    assert rep["verdict"] == "confirmed", rep
    assert "leaf Variable that requires grad" in rep["error"]
    assert rep["strategy"] == "run()"


def test_view_hazard_is_confirmed(replayed):
    rep = verdict(replayed, "view_chunk")
    assert rep["verdict"] == "confirmed", rep
    assert "is a view" in rep["error"]


def test_silent_data_write_is_confirmed_without_a_torch_error(replayed):
    rep = verdict(replayed, "data_silent")
    assert rep["verdict"] == "confirmed", rep
    assert "error" not in rep  # torch said nothing: the trace run found it
    assert rep["save_line"] == replayed["data_silent"].line - 1


def test_mutation_under_saved_tensor_hooks_is_confirmed(replayed):
    rep = verdict(replayed, "hooks_silent")
    assert rep["verdict"] == "confirmed", rep
    assert "saved_tensors_hooks" in rep["reason"]


def test_out_kwarg_is_confirmed(replayed):
    rep = verdict(replayed, "out_kwarg")
    assert rep["verdict"] == "confirmed", rep
    assert "out=" in rep["error"]


@pytest.mark.parametrize("key", ["module_linear_safe", "module_interpolate_safe", "func_interpolate_safe",
                                 "leaf_nograd_safe", "data_after_step_safe", "module_constant_safe"])
def test_safe_look_alikes_are_refuted(replayed, key):
    rep = verdict(replayed, key)
    assert rep["verdict"] == "refuted", (key, rep)
    assert "ran" in rep["reason"]


def test_unbuildable_code_is_undecided_with_a_reason(replayed):
    rep = verdict(replayed, "unbuildable")
    assert rep["verdict"] == "undecided", rep
    assert "fc" in rep["reason"] or "ckpt" in rep["reason"], rep


def test_missing_top_level_import_is_stubbed(replayed):
    rep = verdict(replayed, "stubbed_import")
    assert rep["verdict"] == "confirmed", rep


def test_script_code_replays_the_module_and_main_block(replayed):
    rep = verdict(replayed, "main_block")
    assert rep["verdict"] == "confirmed", rep
    assert rep["save_line"] == replayed["main_block"].line - 1
    rep = verdict(replayed, "module_constant_safe")
    assert rep["verdict"] == "refuted", rep


def test_ema_update_after_a_failing_step_is_never_refuted(replayed):
    # main() raises at loss.backward() before calling update_teacher: the line never
    # runs in the real program, so main() cannot refute it; the direct call raises
    rep = verdict(replayed, "ema_leaf")
    assert rep["verdict"] == "confirmed", rep
    assert "leaf Variable that requires grad" in rep["error"]
    assert rep["mutation_line"] == replayed["ema_leaf"].line
    rep = verdict(replayed, "ema_focal")
    assert rep["verdict"] == "confirmed", rep
    assert rep["strategy"] == "main()"


def test_prenorm_residual_plus_equals_is_confirmed(replayed):
    rep = verdict(replayed, "prenorm")
    assert rep["verdict"] == "confirmed", rep
    assert rep["mutation_line"] == replayed["prenorm"].line
    # Attention's own `q *= scale` raises first: it is replayed out of place, and the reason says so
    assert "out of place" in rep["reason"], rep
    rep = verdict(replayed, "prenorm_view")
    assert rep["verdict"] == "confirmed", rep


def test_three_d_input_is_tried_when_two_d_fails(replayed):
    # MixerBlock's first layer is a Linear (2-D fits), its attention unpacks B, N, C
    rep = verdict(replayed, "mixer")
    assert rep["verdict"] == "confirmed", rep
    assert "[2, 3, 8]" in rep["error"], rep
    rep = verdict(replayed, "mixer_safe")
    assert rep["verdict"] == "refuted", rep


def test_a_run_that_fails_refutes_nothing(replayed):
    rep = verdict(replayed, "fails_later")
    assert rep["verdict"] == "undecided", rep
    assert "then failed" in rep["reason"], rep


def test_module_top_level_runs_once_per_replay(replayed):
    rep = verdict(replayed, "toplevel_once")
    assert rep["verdict"] == "confirmed", rep  # the trace run, too, found one load
    assert rep["save_line"] == replayed["toplevel_once"].line - 1


def test_missing_file_is_undecided(replayed):
    rep = verdict(replayed, "missing_file")
    assert rep["verdict"] == "undecided"
    assert "not found" in rep["reason"]


def test_replays_run_in_parallel_within_budget(replayed):
    assert replayed["_elapsed"] < 80


# --------------------------------------------------------------------------
# sandbox limits
# --------------------------------------------------------------------------

SANDBOX_TIMEOUT = 8.0


@pytest.fixture(scope="module")
def sandboxed():
    fs = {
        "spin": finding("replay_spin.py", "y.mul_(2.0)"),
        "hog": finding("replay_hog.py", "y.mul_(2.0)"),
        "stubborn": finding("replay_stubborn.py", "y.mul_(2.0)"),
    }
    t0 = time.time()
    confirm(list(fs.values()), timeout=SANDBOX_TIMEOUT, memory_mb=256)
    fs["_elapsed"] = time.time() - t0
    return fs


def test_infinite_loop_ends_undecided_within_the_time_limit(sandboxed):
    rep = verdict(sandboxed, "spin")
    assert rep["verdict"] == "undecided", rep
    assert "time" in rep["reason"], rep


def test_unbounded_allocation_ends_undecided(sandboxed):
    rep = verdict(sandboxed, "hog")
    assert rep["verdict"] == "undecided", rep
    assert "memory" in rep["reason"] or "time" in rep["reason"], rep


def test_code_that_swallows_the_alarm_is_killed(sandboxed):
    rep = verdict(sandboxed, "stubborn")
    assert rep["verdict"] == "undecided", rep
    assert "time" in rep["reason"], rep


def test_sandbox_respects_the_time_limit(sandboxed):
    # three workers on however many cores: each is killed at timeout + a 2 s grace
    assert sandboxed["_elapsed"] < 3 * (SANDBOX_TIMEOUT + 2.0) + 3.0


def test_worker_is_sandboxed(tmp_path):
    """The user's code runs with a scrubbed environment, in a temporary cwd,
    with the file-size limit set; none of it leaks into the scan's process."""
    src = tmp_path / "probe.py"
    src.write_text(
        "import os, resource, torch\n"
        "def run():\n"
        "    assert 'IPL_SECRET' not in os.environ\n"
        "    assert os.getcwd() != %r\n"
        "    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] > 0\n"
        "    assert resource.getrlimit(resource.RLIMIT_AS)[0] > 0\n"
        "    x = torch.randn(3, requires_grad=True)\n"
        "    x.add_(1)\n" % os.getcwd()
    )
    os.environ["IPL_SECRET"] = "1"
    try:
        f = Finding("IPL002", ERROR, str(src), 8, 5, 8, 10, "leaf")
        confirm([f], timeout=20.0, jobs=1)
    finally:
        del os.environ["IPL_SECRET"]
    rep = f.extra["replay"]
    assert rep["verdict"] == "confirmed", rep  # the asserts before the line passed


# --------------------------------------------------------------------------
# real code: data files, GPUs, command lines, shapes, heavy imports
# --------------------------------------------------------------------------

REAL_CASES = [
    ("datafile", "replay_datafile.py", "y.mul_(3.0)", "IPL001"),
    ("cuda", "replay_cuda.py", "h.mul_(2.0)", "IPL001"),
    ("argv", "replay_argv.py", "e.add_(1.0)", "IPL001"),
    ("assert_shape", "replay_shapes.py", "h.mul_(2.0)", "IPL001"),
    ("error_shape", "replay_shapes.py", "y.add_(1.0)", "IPL001"),
    ("no_numpy", os.path.join("replay_nonumpy", "replay_torch_only.py"), "s.mul_(2.0)", "IPL001"),
]


@pytest.fixture(scope="module")
def real():
    fs = {key: finding(name, text, code) for key, name, text, code in REAL_CASES}
    summary = confirm(list(fs.values()), timeout=20.0, jobs=2)
    fs["_summary"] = summary
    return fs


def test_a_data_file_next_to_the_script_is_found(real):
    rep = verdict(real, "datafile")
    assert rep["verdict"] == "confirmed", rep
    assert "modified by an inplace operation" in rep["error"]


def test_cuda_code_replays_on_the_cpu(real):
    rep = verdict(real, "cuda")
    assert rep["verdict"] == "confirmed", rep
    assert rep["mutation_line"] == real["cuda"].line


def test_command_line_arguments_are_synthesised(real):
    rep = verdict(real, "argv")
    assert rep["verdict"] == "confirmed", rep
    assert "argv: 0.1 --steps 2 --mode fast" in rep["strategy"], rep  # positional float, int, choice


def test_input_shape_comes_from_the_functions_own_asserts(real):
    rep = verdict(real, "assert_shape")
    assert rep["verdict"] == "confirmed", rep
    assert "replay modified" not in rep["reason"], rep  # the assert held: nothing was dropped


def test_input_shape_is_retried_with_the_shape_the_error_names(real):
    # no layer and no generic shape has 40 features: only `(2x8 and 40x16)` tells
    rep = verdict(real, "error_shape")
    assert rep["verdict"] == "confirmed", rep


def test_no_numpy_is_not_reported_as_missing_torch(real):
    rep = verdict(real, "no_numpy")
    assert rep["verdict"] == "confirmed", rep
    assert "cannot import torch" not in rep["reason"]


def test_the_summary_counts_the_verdicts(real):
    s = real["_summary"]
    assert s.line().startswith("6 confirmed, 0 refuted, 0 undecided"), s.line()
    assert s.protections["missing"] == []


def test_heavy_imports_are_paid_once_and_not_from_the_budget(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "heavypkg").mkdir(parents=True)
    (site / "heavypkg" / "__init__.py").write_text("import os, time\ntime.sleep(3.0)\nLOADED_BY = os.getpid()\n")
    proj = tmp_path / "proj"
    proj.mkdir()
    files = []
    for name in ("first.py", "second.py"):
        path = proj / name
        path.write_text(
            "import os\nimport heavypkg\nimport torch\n\n\n"
            "def run():\n"
            "    if heavypkg.LOADED_BY == os.getpid():\n"
            "        raise AssertionError('imported in the run, not in the worker')\n"
            "    w = torch.zeros(2, requires_grad=True)\n"
            "    w.add_(1.0)\n")
        files.append(Finding("IPL002", ERROR, str(path), 10, 5, 10, 10, "leaf"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    # a 2 s budget: the 3 s import is not part of it, and the second file finds heavypkg loaded
    summary = confirm(files, timeout=2.0, jobs=1)
    reps = [f.extra["replay"] for f in files]
    assert [r["verdict"] for r in reps] == ["confirmed", "confirmed"], reps
    assert sorted(r["import_s"] for r in reps)[1] >= 2.9, reps
    assert sorted(r["import_s"] for r in reps)[0] < 1.0, reps
    assert summary.line() == "2 confirmed, 0 refuted, 0 undecided"


def test_confirm_without_torch_fails_at_once_with_one_message(tmp_path):
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(
        "import sys\n\n\n"
        "class NoTorch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'torch' or name.startswith('torch.'):\n"
        "            raise ImportError('No module named torch (test shim)')\n"
        "        return None\n\n\n"
        "sys.meta_path.insert(0, NoTorch())\n")
    target = tmp_path / "leaf.py"
    target.write_text("import torch\n\nw = torch.zeros(2, requires_grad=True)\nw.add_(1.0)\n")
    repo = os.path.dirname(HERE)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(shim), repo]))
    r = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--isolated", "--confirm", str(target)],
                       cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    err = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(err) == 1 and "needs torch" in err[0] and "test shim" in err[0], err
    assert "IPL002" not in r.stdout  # nothing half-done is printed


def test_confirm_timeout_config_key():
    from inplace_lint.config import ConfigError, config_from_table

    assert config_from_table({"confirm-timeout": 60}, "pyproject.toml").confirm_timeout == 60.0
    assert config_from_table({}, "pyproject.toml").confirm_timeout == 20.0
    for bad in (0, -1, "60", True):
        with pytest.raises(ConfigError, match="confirm-timeout"):
            config_from_table({"confirm-timeout": bad}, "pyproject.toml")
