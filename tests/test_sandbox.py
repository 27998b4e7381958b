"""The replay sandbox: each attack of issue 10 is run by ``--confirm`` and
checked from outside (files, listeners, the process table, the linter itself).

Every attack file does its attack in ``run()`` and then an in-place op on a leaf
that requires grad (the flagged line): when the attack is blocked and the run
goes on, the finding is confirmed; an attack that "works" raises an
``AssertionError("ESCAPED ...")`` first, and the reason says so.  All attack
files are replayed by one ``confirm()`` call (two warm workers), with a tight
time budget.
"""
import os
import socket
import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from inplace_lint.findings import ERROR, Finding
from inplace_lint.runtime.replay import confirm, launcher

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 6.0
TAG = uuid.uuid4().hex[:10]
SECRET = "ipl-secret-" + TAG

HAZARD = """
    w = torch.zeros(2, requires_grad=True)
    w.add_(1.0)  # FLAGGED
"""

ATTACKS = {
    "write_outside": """
def run():
    blocked = []
    for p in (OUTSIDE, os.path.join(os.getcwd(), "cwd-write.txt"), "/tmp/ipl-escape-" + TAG):
        try:
            with open(p, "w") as fh:
                fh.write("escaped")
        except OSError:
            blocked.append(p)
    for fn in (lambda: os.mkdir(OUTSIDE + ".d"), lambda: os.rename(__file__, __file__ + ".moved"),
               lambda: os.unlink(__file__)):
        try:
            fn()
        except OSError:
            blocked.append(fn)
    if len(blocked) != 6:  # (an `if`, not an assert: replay may drop a failing assert)
        raise AssertionError("ESCAPED write outside: %d of 6 blocked" % len(blocked))
    with open(os.path.join(os.environ["TMPDIR"], "scratch.txt"), "w") as fh:  # the temp dir stays writable
        fh.write("fine")
    with open("data.txt") as fh:  # the script's directory is the (read-only) working directory
        if fh.read() != "data next to the script":
            raise AssertionError("data.txt")
""",
    "tcp": """
def run():
    import socket
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=1.0)
        s.sendall(b"escaped")
    except OSError:
        pass
    else:
        raise AssertionError("ESCAPED tcp")
""",
    "unix_socket": """
def run():
    import socket
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(UNIX_PATH)
        s.sendall(b"escaped")
    except OSError:
        pass
    else:
        raise AssertionError("ESCAPED unix socket")
""",
    "orphans": """
def run():
    import subprocess, sys, time
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)", MARK], start_new_session=True)
    pid = os.fork()
    if pid == 0:  # a classic daemon: setsid, fork again, the middle one exits
        os.setsid()
        if os.fork() == 0:
            set_comm(MARK[:15])
            time.sleep(300)
        os._exit(0)
    os.waitpid(pid, 0)
    time.sleep(0.3)
""",
    "fork_bomb": """
def run():
    import time
    me = os.getpid()
    for _ in range(3):  # 8 processes (forking a process that holds torch is slow) ...
        os.fork()
    for _ in range(4):  # ... that start 4 sleepers each
        if os.fork() == 0:
            set_comm(MARK[:15])
            time.sleep(300)
            os._exit(0)
    if os.getpid() != me:
        set_comm(MARK[:15])
        time.sleep(300)
        os._exit(0)
""",
    "memory_bomb": """
def run():
    hog = []
    while True:
        hog.append(bytearray(64 * 1024 * 1024))
""",
    "huge_file": """
def run():
    with open(os.path.join(os.environ["TMPDIR"], "huge.bin"), "wb") as fh:
        for _ in range(100):
            fh.write(b"x" * (1024 * 1024))
            fh.flush()
""",
    "stubborn_loop": """
def run():
    import signal
    for s in (signal.SIGALRM, signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGUSR1):
        signal.signal(s, signal.SIG_IGN)
    while True:
        try:
            pass
        except BaseException:
            pass
""",
    "forged_verdict": """
def run():
    import glob, json, sys
    lines = "".join(json.dumps({"id": i, "verdict": "refuted", "reason": "FORGED"}) + "\\n" for i in range(40))
    lines += json.dumps({"done": __file__}) + "\\n"
    data = lines.encode()
    for fd in range(0, 256):
        try:
            os.write(fd, data)
        except OSError:
            pass
    for mod in list(sys.modules.values()):
        fd = getattr(mod, "RESULT_FD", None)
        if isinstance(fd, int):
            try:
                os.write(fd, data)
            except OSError:
                pass
    for pid in ("1", str(os.getppid()), str(LINTER_PID)):
        for p in glob.glob("/proc/%s/fd/*" % pid):
            try:
                with open(p, "w") as fh:
                    fh.write(lines)
            except OSError:
                pass
    os._exit(0)
""",
    "kill_parent": """
def run():
    import signal
    targets = {os.getppid(), 1, LINTER_PID}
    try:
        targets.add(os.getpgid(0))
    except OSError:
        pass
    for pid in targets:
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except OSError:
                pass
    try:
        os.killpg(os.getpgid(0), signal.SIGKILL)
    except OSError:
        pass
""",
    "read_secrets": """
def run():
    leaked = []
    for pid in (str(LINTER_PID), str(os.getppid()), "1"):
        try:
            with open("/proc/%s/environ" % pid, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        if SECRET.encode() in data:
            leaked.append(pid)
    if leaked:
        raise AssertionError("ESCAPED environ of %s: %s" % (leaked, SECRET))
""",
}

PRELUDE = """import ctypes
import os
import torch

TAG = {tag!r}
MARK = {mark!r}
OUTSIDE = {outside!r}
PORT = {port!r}
UNIX_PATH = {unix!r}
LINTER_PID = {linter!r}
SECRET = {secret!r}


def set_comm(name):
    ctypes.CDLL(None).prctl(15, name.encode(), 0, 0, 0)  # PR_SET_NAME: how the test finds us

"""


def _procs_with(mark):
    """Host pids whose command line or name carries mark."""
    out = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        for name in ("cmdline", "comm"):
            try:
                with open("/proc/%s/%s" % (pid, name), "rb") as fh:
                    if mark.encode() in fh.read():
                        out.append(int(pid))
                        break
            except OSError:
                pass
    return out


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    d = tmp_path_factory.mktemp("attacks")
    (d / "data.txt").write_text("data next to the script")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    unix_path = str(d / "ipl.sock")
    ulistener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    ulistener.bind(unix_path)
    ulistener.listen(5)
    ulistener.settimeout(0.2)
    outside = str(d / "outside.txt")
    findings = {}
    for name, body in ATTACKS.items():
        path = d / ("attack_%s.py" % name)
        src = PRELUDE.format(tag=TAG, mark=TAG + "-" + name, outside=outside, port=listener.getsockname()[1],
                             unix=unix_path, linter=os.getpid(), secret=SECRET) + textwrap.dedent(body).strip("\n")
        src += "\n" + HAZARD.rstrip() + "\n"
        path.write_text(src)
        line = src.splitlines().index("    w.add_(1.0)  # FLAGGED") + 1
        findings[name] = Finding("IPL002", ERROR, str(path), line, 5, line, 10, "leaf")
    os.environ["IPL_TEST_SECRET"] = SECRET
    fsize, launcher.FSIZE_MB = launcher.FSIZE_MB, 8  # a smaller file-size limit: the huge file is quick
    t0 = time.time()
    try:
        summary = confirm(list(findings.values()), timeout=TIMEOUT, jobs=2, memory_mb=256)
    finally:
        del os.environ["IPL_TEST_SECRET"]
        launcher.FSIZE_MB = fsize
    elapsed = time.time() - t0
    time.sleep(0.2)
    connections = []
    for lst in (listener, ulistener):
        try:
            conn, _ = lst.accept()
            connections.append(conn.recv(100))
        except OSError:
            pass
        lst.close()
    return {"dir": d, "findings": findings, "summary": summary, "elapsed": elapsed, "outside": outside,
            "connections": connections}


def rep(attacked, name):
    r = attacked["findings"][name].extra["replay"]
    assert "FORGED" not in r["reason"]
    assert "ESCAPED" not in r["reason"], r
    return r


def test_every_protection_is_in_force_here(attacked):
    p = attacked["summary"].protections
    assert p["missing"] == [], p
    assert "seccomp" in p["network"] and "Landlock" in p["files"], p


def test_writes_outside_the_temp_dir_fail(attacked):
    r = rep(attacked, "write_outside")
    assert r["verdict"] == "confirmed", r  # every write outside failed, the temp dir and data file worked
    d = attacked["dir"]
    assert not os.path.exists(attacked["outside"])
    assert not os.path.exists(str(d / "cwd-write.txt"))
    assert not os.path.exists("/tmp/ipl-escape-" + TAG)
    assert (d / "attack_write_outside.py").exists()


def test_no_tcp_to_a_local_listener_and_no_unix_socket(attacked):
    assert rep(attacked, "tcp")["verdict"] == "confirmed"
    assert rep(attacked, "unix_socket")["verdict"] == "confirmed"
    assert attacked["connections"] == []


def test_setsid_orphans_and_fork_bombs_die_with_the_replay(attacked):
    assert rep(attacked, "orphans")["verdict"] == "confirmed"
    assert rep(attacked, "fork_bomb")["verdict"] in ("confirmed", "undecided")
    left = _procs_with(TAG)
    assert left == [], left


def test_memory_bomb_and_huge_file_end_undecided(attacked):
    r = rep(attacked, "memory_bomb")
    assert r["verdict"] == "undecided" and "memory" in r["reason"], r
    r = rep(attacked, "huge_file")
    assert r["verdict"] == "undecided" and "File too large" in r["reason"], r


def test_a_loop_that_swallows_signals_is_killed_on_time(attacked):
    r = rep(attacked, "stubborn_loop")
    assert r["verdict"] == "undecided" and "timed out" in r["reason"], r
    # eleven files on two workers; only the loop and the memory bomb use their whole budget
    assert attacked["elapsed"] < 4 * (TIMEOUT + 3) + 20


def test_a_forged_verdict_is_not_believed(attacked):
    r = rep(attacked, "forged_verdict")
    assert r["verdict"] == "undecided", r
    for f in attacked["findings"].values():
        assert "FORGED" not in f.extra["replay"]["reason"]


def test_killing_the_parent_fails(attacked):
    # this test process is the linter: it is alive, and the other verdicts arrived
    r = rep(attacked, "kill_parent")
    assert r["verdict"] in ("confirmed", "undecided"), r
    assert all("verdict" in f.extra["replay"] for f in attacked["findings"].values())


def test_the_linters_environment_cannot_be_read(attacked):
    # (the secret is set with os.environ, which /proc/<pid>/environ does not show:
    # the CLI test below puts one in the linter's real environment)
    r = rep(attacked, "read_secrets")
    assert r["verdict"] == "confirmed", r
    assert SECRET not in str(r)


def _cli(args, tmp_path, env_extra=None):
    env = dict(os.environ, PYTHONPATH=REPO, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--isolated", *args],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=240)


LEAF_SCRIPT = """import torch


def run():
    w = torch.zeros(2, requires_grad=True)
    w.add_(1.0)
"""


def test_linter_survives_a_replay_that_reads_its_secrets_and_kills_it(tmp_path):
    """Through the CLI: the replayed code looks for every process whose command
    line names the file being checked (the linter), reads its environment, and
    kills it and its own parent."""
    target = tmp_path / "killer.py"
    target.write_text(textwrap.dedent("""\
        import os, signal, torch


        def run():
            me = os.path.abspath(__file__)
            for pid in os.listdir("/proc"):
                try:
                    with open("/proc/%s/cmdline" % pid, "rb") as fh:
                        if me.encode() not in fh.read() or int(pid) == os.getpid():
                            continue
                    with open("/proc/%s/environ" % pid, "rb") as fh:
                        env = fh.read()
                    if b"IPL_CLI_SECRET" in env:
                        raise RuntimeError("ESCAPED " + env.decode("latin-1"))
                except (OSError, ValueError):
                    pass
                try:
                    os.kill(int(pid), signal.SIGTERM)
                except (OSError, ValueError):
                    pass
            os.kill(os.getppid(), signal.SIGTERM)
            w = torch.zeros(2, requires_grad=True)
            w.add_(1.0)
    """))
    secret = "cli-secret-" + TAG
    r = _cli(["--confirm", "--confirm-timeout", "10", "--format", "json", str(target)], tmp_path,
             {"IPL_CLI_SECRET": secret})
    assert r.returncode == 1, (r.returncode, r.stderr[-2000:])  # findings reported: the linter finished
    assert secret not in r.stdout + r.stderr
    assert "replay: 1 confirmed" in r.stderr, r.stderr


def test_replay_refuses_without_its_sandbox_unless_told(tmp_path):
    target = tmp_path / "leaf.py"
    target.write_text(LEAF_SCRIPT)
    r = _cli(["--confirm", str(target)], tmp_path, {"INPLACE_LINT_REPLAY_DISABLE": "landlock"})
    assert r.returncode == 2, (r.returncode, r.stderr[-2000:])
    err = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(err) == 1 and "cannot sandbox" in err[0] and "Landlock" in err[0], err
    assert "--confirm-unsandboxed" in err[0]
    r = _cli(["--confirm", "--confirm-unsandboxed", str(target)], tmp_path,
             {"INPLACE_LINT_REPLAY_DISABLE": "landlock"})
    assert r.returncode == 1, (r.returncode, r.stderr[-2000:])
    assert "replay: 1 confirmed" in r.stderr and "UNSANDBOXED" in r.stderr, r.stderr


def test_without_a_pid_namespace_the_subreaper_sweeps_orphans(tmp_path):
    mark = TAG + "-nopid"
    target = tmp_path / "orphan.py"
    target.write_text(PRELUDE.format(tag=TAG, mark=mark, outside="", port=0, unix="", linter=os.getpid(),
                                     secret="") + textwrap.dedent(ATTACKS["orphans"]).strip("\n") + "\n"
                      + HAZARD.rstrip() + "\n")
    line = target.read_text().splitlines().index("    w.add_(1.0)  # FLAGGED") + 1
    f = Finding("IPL002", ERROR, str(target), line, 5, line, 10, "leaf")
    old = os.environ.get("INPLACE_LINT_REPLAY_DISABLE")
    os.environ["INPLACE_LINT_REPLAY_DISABLE"] = "pidns"
    try:
        summary = confirm([f], timeout=TIMEOUT, jobs=1)
    finally:
        if old is None:
            del os.environ["INPLACE_LINT_REPLAY_DISABLE"]
        else:
            os.environ["INPLACE_LINT_REPLAY_DISABLE"] = old
    assert "pid namespace" not in summary.protections["processes"], summary.protections
    assert f.extra["replay"]["verdict"] == "confirmed", f.extra["replay"]
    assert _procs_with(mark) == []


def _as_nobody_in_the_sandbox(tmp, port, unix_path, outside):
    """In a forked child: drop root for uid/gid 65534 (nobody), then enter the sandbox as the
    replay worker does (namespaces, seccomp, Landlock) and try each escape.
    Returns the worker's report (a dict) read from a pipe."""
    import encodings.idna  # noqa: F401 -- after the drop, nothing under /root (where python lives) can be imported
    import json

    from inplace_lint.runtime.replay import sandbox

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 1
        try:
            os.close(r)
            if os.geteuid() == 0:  # (run as a user already, the test needs no drop)
                os.setgroups([])
                os.setresgid(65534, 65534, 65534)
                os.setresuid(65534, 65534, 65534)
            sandbox.PROTECTIONS.__init__()
            sandbox.enter_namespaces()  # from here on: the worker (the supervisor never returns)
            sandbox.install_seccomp()
            abi = sandbox.install_landlock(tmp)
            report = {"uid": os.getuid(), "netns": sandbox.PROTECTIONS.netns, "seccomp": sandbox.PROTECTIONS.seccomp,
                      "landlock": abi}
            for name, attempt in (
                    ("tcp", lambda: socket.create_connection(("127.0.0.1", port), timeout=1.0)),
                    ("unix", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).connect(unix_path)),
                    ("write", lambda: open(outside, "w").write("escaped"))):
                try:
                    attempt()
                    report[name] = "ESCAPED"
                except OSError as e:
                    report[name] = "blocked: %s" % e
            with open(os.path.join(tmp, "inside.txt"), "w") as fh:
                fh.write("fine")
            report["inside"] = True
            os.write(w, json.dumps(report).encode())
            code = 0
        except BaseException as e:  # noqa: BLE001 -- said in the report, the test shows it
            os.write(w, json.dumps({"error": repr(e)}).encode())
        finally:
            os._exit(code)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks) or b"{}")


def test_a_non_root_worker_is_as_confined_as_root():
    # Issue 10: as a non-root user the network was not isolated (the namespace
    # fallback ran only for root).  A user namespace of its own gives the worker
    # the network namespace; seccomp and Landlock need no privilege.
    import pathlib
    import shutil
    import tempfile

    tmp_path = pathlib.Path(tempfile.mkdtemp(prefix="ipl-nobody-"))  # pytest's own is private to root
    try:
        _nobody_case(tmp_path)
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)


def _nobody_case(tmp_path):
    tmp = tmp_path / "worker-tmp"
    tmp.mkdir()
    os.chmod(tmp_path, 0o777)
    os.chmod(tmp, 0o777)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.2)
    unix_path = str(tmp_path / "nobody.sock")
    ulistener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    ulistener.bind(unix_path)
    os.chmod(unix_path, 0o777)
    ulistener.listen(1)
    ulistener.settimeout(0.2)
    outside = str(tmp_path / "outside.txt")
    try:
        report = _as_nobody_in_the_sandbox(str(tmp), listener.getsockname()[1], unix_path, outside)
        for lst in (listener, ulistener):
            with pytest.raises(OSError):  # nobody got through
                lst.accept()
    finally:
        listener.close()
        ulistener.close()
    assert "error" not in report, report
    assert report["netns"] and report["seccomp"] and report["landlock"] > 0, report
    for name in ("tcp", "unix", "write"):
        assert report[name].startswith("blocked"), report
    assert report["inside"] and (tmp / "inside.txt").read_text() == "fine"
    assert not os.path.exists(outside)
