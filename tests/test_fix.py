"""--fix / --diff / --unsafe-fixes: out-of-place rewrites, safety, atomic writes."""
import io
import os
import stat
import subprocess
import sys
import textwrap

import libcst as cst

from inplace_lint.config import Config
from inplace_lint.frontends.fix import apply_edits, apply_fixes, plan_fixes
from inplace_lint.findings import Edit
from inplace_lint.runner import check_file, check_source

HEAD = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nx = torch.randn(3, requires_grad=True)\n"


def _fixed(body, unsafe=False):
    src = HEAD + textwrap.dedent(body)
    res = check_source(src, "m.py")
    assert res.findings, "the snippet must have findings"
    out = io.StringIO()
    n = apply_fixes([res], write=False, unsafe=unsafe, diff_stream=out, err=io.StringIO())
    plan = {f.line: f.fix for f in res.findings if f.fix is not None}
    new = apply_edits(src, [e for fx in plan.values() if fx.safe or unsafe for e in fx.edits])
    assert (n == 1) == (new != src)
    return new[len(HEAD):], plan


def test_safe_rewrites():
    new, _ = _fixed("""\
        y = torch.sigmoid(x)
        y.mul_(2)
        z = torch.tanh(x)
        z += 1 + 2
        w = torch.exp(x)
        w **= 2
        a = torch.sigmoid(x)
        F.relu_(a)
        e = torch.sigmoid(x)
        e = F.relu(e, inplace=True)
        g = torch.sigmoid(x)
        F.relu(g, inplace=True)
        q, k, v = (x * 1).chunk(3)
        q *= 2
        """)
    assert new == textwrap.dedent("""\
        y = torch.sigmoid(x)
        y = y.mul(2)
        z = torch.tanh(x)
        z = z + (1 + 2)
        w = torch.exp(x)
        w = w ** 2
        a = torch.sigmoid(x)
        a = F.relu(a)
        e = torch.sigmoid(x)
        e = F.relu(e, inplace=False)
        g = torch.sigmoid(x)
        g = F.relu(g, inplace=False)
        q, k, v = (x * 1).chunk(3)
        q = q * 2
        """)


def test_module_constructor_gets_inplace_false():
    new, plan = _fixed("""\
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.act = nn.ReLU(inplace=True)
                self.fc = nn.Linear(4, 4)

            def forward(self, x):
                return self.act(torch.sigmoid(self.fc(x)))
        """)
    assert "self.act = nn.ReLU(inplace=False)" in new and "inplace=True" not in new


def test_not_fixable_forms_left_alone():
    body = """\
        v = torch.sigmoid(x)
        v.sub_(1).div_(2)
        q = torch.sigmoid(x)
        r = q.mul_(3)
        c = torch.sigmoid(x)
        c.zero_()
        """
    new, plan = _fixed(body)
    assert new == textwrap.dedent(body) and plan == {}


def test_unsafe_needs_the_flag():
    body = """\
        qq = torch.sigmoid(x)
        qv = qq.view(3)
        qv.add_(1)
        u = torch.sigmoid(x)
        u2 = F.relu(u, inplace=True)
        a2, b2, c2 = x.chunk(3)
        a2 *= 2
        def f(t):
            s = torch.sigmoid(t)
            t.add_(1)
            return s
        class M(nn.Module):
            def forward(self, x):
                self.h = torch.sigmoid(x)
                self.h.mul_(2)
                return self.h
        m = torch.sigmoid(x)
        alias = m
        m.mul_(2)
        """
    new, plan = _fixed(body)
    assert new == textwrap.dedent(body)
    assert plan and not any(fx.safe for fx in plan.values())
    new, _ = _fixed(body, unsafe=True)
    for want in ("qv = qv.add(1)", "u2 = F.relu(u, inplace=False)", "a2 = a2 * 2", "self.h = self.h.mul(2)",
                 "m = m.mul(2)"):
        assert want in new


def _write(tmp_path, name, body, mode=0o640):
    p = tmp_path / name
    p.write_text(HEAD + textwrap.dedent(body))
    os.chmod(p, mode)
    return p


REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _cli(*args, cwd):
    # PYTHONPATH: the checkout this test lives in, not whatever is installed
    env = dict(os.environ, PYTHONPATH=REPO)
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", *args], cwd=cwd, capture_output=True,
                          text=True, env=env)


def test_fix_writes_atomically_and_keeps_mode(tmp_path):
    p = _write(tmp_path, "m.py", "y = torch.sigmoid(x)\ny.mul_(2)\nh = torch.sigmoid(x)\nh.mul_(2)  # noqa: IPL001\n")
    before = set(os.listdir(tmp_path))
    r = _cli("--fix", "m.py", cwd=tmp_path)
    assert "Fixed 1 file(s)." in r.stderr
    assert r.returncode == 0, r.stdout  # the only remaining finding is suppressed
    text = p.read_text()
    assert "y = y.mul(2)\n" in text and "h.mul_(2)  # noqa: IPL001\n" in text  # noqa line never fixed
    assert set(os.listdir(tmp_path)) - {".inplace_lint_cache"} == before  # no temp files left (the cache aside)
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    cst.parse_module(text)
    assert check_file(str(p), Config()).findings == []


def test_diff_writes_nothing(tmp_path):
    p = _write(tmp_path, "m.py", "y = torch.sigmoid(x)\ny.mul_(2)\n")
    before, mtime = p.read_text(), os.stat(p).st_mtime_ns
    r = _cli("--diff", "m.py", cwd=tmp_path)
    assert r.returncode == 1
    assert "--- a/m.py\n+++ b/m.py\n" in r.stdout and "-y.mul_(2)\n+y = y.mul(2)\n" in r.stdout
    assert p.read_text() == before and os.stat(p).st_mtime_ns == mtime


def test_unchanged_file_not_rewritten(tmp_path):
    p = _write(tmp_path, "m.py", "v = torch.sigmoid(x)\nv.sub_(1).div_(2)\n")
    mtime = os.stat(p).st_mtime_ns
    ino = os.stat(p).st_ino
    r = _cli("--fix", "m.py", cwd=tmp_path)
    assert r.returncode == 1 and "Fixed 0 file(s)." in r.stderr
    assert os.stat(p).st_mtime_ns == mtime and os.stat(p).st_ino == ino


def test_unsafe_fixes_flag_via_cli(tmp_path):
    p = _write(tmp_path, "m.py", "a2, b2, c2 = x.chunk(3)\na2 *= 2\n")
    r = _cli("--fix", "m.py", cwd=tmp_path)
    assert "a2 *= 2" in p.read_text() and "--unsafe-fixes" in r.stderr
    r = _cli("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path)
    assert "a2 = a2 * 2" in p.read_text() and r.returncode == 0


def test_bad_result_is_skipped_and_reported(tmp_path):
    p = _write(tmp_path, "m.py", "y = torch.sigmoid(x)\ny.mul_(2)\n")
    res = check_file(str(p), Config())
    assert plan_fixes(res)
    bad = res.findings[0].fix.edits[0]
    object.__setattr__(bad, "replacement", "y = (")  # a broken rewrite must never be written
    err = io.StringIO()
    before = p.read_text()
    assert apply_fixes([res], write=True, unsafe=True, err=err) == 0
    assert p.read_text() == before and "does not parse" in err.getvalue()


def test_apply_edits_offsets():
    text = "ab\r\ncdé f\n"
    assert apply_edits(text, [Edit(2, 3, 2, 4, "E"), Edit(1, 1, 1, 2, "A")]) == "Ab\r\ncdE f\n"


# --fix and the file system: links, owners, failures ---------------------------
FIXABLE = "y = torch.sigmoid(x)\ny.mul_(2)\n"


def test_fix_writes_through_a_symlink(tmp_path):
    real = _write(tmp_path, "real.py", FIXABLE)
    (tmp_path / "sub").mkdir()
    link = tmp_path / "sub" / "link.py"
    link.symlink_to(real)
    r = _cli("--fix", "sub/link.py", cwd=tmp_path)
    assert "Fixed 1 file(s)." in r.stderr, r.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)  # the link stays a link
    assert "y = y.mul(2)\n" in real.read_text()  # and its target is fixed
    assert sorted(os.listdir(tmp_path / "sub")) == ["link.py"]  # no temporary files left next to the link


def test_fix_keeps_hard_links_one_file(tmp_path):
    a = _write(tmp_path, "a.py", FIXABLE, mode=0o604)
    b = tmp_path / "b.py"
    os.link(a, b)
    r = _cli("--fix", "a.py", cwd=tmp_path)
    assert "Fixed 1 file(s)." in r.stderr, r.stderr
    assert os.stat(a).st_ino == os.stat(b).st_ino and os.stat(a).st_nlink == 2
    assert "y = y.mul(2)\n" in b.read_text()  # the other name sees the fix
    assert stat.S_IMODE(os.stat(a).st_mode) == 0o604
    assert {n for n in os.listdir(tmp_path) if n.endswith(".ipl-tmp")} == set()


def test_fix_keeps_owner_and_group(tmp_path):
    p = _write(tmp_path, "m.py", FIXABLE, mode=0o664)
    # as root, hand the file to someone else (as another user, the owner is ours
    # and must stay ours); either way the rewrite must not change it
    if os.geteuid() == 0:
        os.chown(p, 4321, 4322)
    before = os.stat(p)
    r = _cli("--fix", "m.py", cwd=tmp_path)
    assert "Fixed 1 file(s)." in r.stderr, r.stderr
    after = os.stat(p)
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert stat.S_IMODE(after.st_mode) == 0o664
    assert "y = y.mul(2)\n" in p.read_text()


def test_in_place_rewrite_restores_the_original_when_writing_fails(tmp_path, monkeypatch):
    from inplace_lint.frontends import fix

    p = tmp_path / "m.py"
    p.write_bytes(b"old text\n")
    os.link(p, tmp_path / "other.py")
    calls = []
    real_overwrite = fix._overwrite

    def failing(path, data):
        calls.append(data)
        if len(calls) == 1:
            with open(path, "r+b") as fh:  # half written, then the disk fills up
                fh.write(data[:3])
            raise OSError(28, "No space left on device")
        real_overwrite(path, data)

    monkeypatch.setattr(fix, "_overwrite", failing)
    try:
        fix.write_atomic(str(p), b"new text that is longer\n")
    except OSError as e:
        assert e.errno == 28
    else:
        raise AssertionError("the failure was not reported")
    assert p.read_bytes() == b"old text\n" == (tmp_path / "other.py").read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["m.py", "other.py"]  # the backup copy is gone


def test_write_atomic_replaces_a_plain_file_by_rename(tmp_path):
    from inplace_lint.frontends.fix import write_atomic

    p = tmp_path / "m.py"
    p.write_bytes(b"old\n")
    os.chmod(p, 0o600)
    ino = os.stat(p).st_ino
    write_atomic(str(p), b"new\n")
    assert p.read_bytes() == b"new\n" and stat.S_IMODE(os.stat(p).st_mode) == 0o600
    assert os.stat(p).st_ino != ino  # a new inode: the old content was never half overwritten
