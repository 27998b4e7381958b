"""The walls around replayed code, put up by the worker on itself before torch
or any user code is imported.

Process layout (Linux)::

    linter ──> supervisor (new session; unshares the namespaces, forks, waits)
                 └─> worker (pid 1 of a new pid namespace where allowed; holds the
                      result pipe; never runs user code)
                       └─> module host, one per file (loads the module once; see host.py)
                             └─> one child per run of an attempt (runs the user's code,
                                 in a nested Landlock domain, without the result pipe)

What each protection is (see docs/runtime-replay.md):

* **network**: a new network namespace (its loopback is down) where allowed, and
  always a seccomp filter that makes ``socket()`` and ``io_uring_setup()`` fail
  (so no TCP, no UDP, no Unix socket on the filesystem or abstract), plus
  Landlock's TCP rules where the kernel has them (ABI >= 4);
* **files**: Landlock: writes, creations, removals, renames only beneath the
  worker's temporary directory (and ``/dev/null``); Landlock also denies access to
  other processes' ``/proc/<pid>/{environ,fd,mem}`` and ptrace outside the domain;
* **processes**: a new pid namespace where allowed (everything in it dies with
  its pid 1, the linter's processes are invisible), otherwise the worker is a
  child subreaper that kills whatever the run left; after every run the worker
  sweeps the processes the user's code started;
* **signals**: the pid namespace, and Landlock's signal scope (ABI >= 6): the
  user's code cannot signal the worker or the linter;
* **descriptors**: only stdio (``/dev/null``, stderr to a log file) and, in the
  worker, the request and result pipes; the run children close those;
* **resources**: file size, no core dumps, address space (per run), time slice.

``requirements_missing`` lists what could not be had; the worker refuses to run
(the linter exits 2) unless the user passed ``--confirm-unsandboxed``.
"""
import ctypes
import os
import platform
import resource
import signal
import struct
import sys

from .common import ReplayTimeout

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 0x4000, 0x40000
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_SECCOMP = 1, 4, 22
PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 36, 38

# syscall numbers that are the same on x86_64 and aarch64 (the unified table)
SYS_IO_URING_SETUP = 425
SYS_LANDLOCK_CREATE_RULESET, SYS_LANDLOCK_ADD_RULE, SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
ARCHES = {  # machine -> (AUDIT_ARCH_*, socket syscall number)
    "x86_64": (0xC000003E, 41),
    "aarch64": (0xC00000B7, 198),
}

# Landlock access rights
LL_FS_WRITE_FILE = 1 << 1
LL_FS_WRITE_ALL = sum(1 << b for b in (1, 4, 5, 6, 7, 8, 9, 10, 11, 12))  # write, remove, make *
LL_FS_REFER, LL_FS_TRUNCATE = 1 << 13, 1 << 14
LL_NET_TCP = (1 << 0) | (1 << 1)  # bind, connect
LL_SCOPE_ALL = (1 << 0) | (1 << 1)  # abstract unix sockets, signals
LL_RULE_PATH_BENEATH = 1
LL_CREATE_RULESET_VERSION = 1

_libc = None


def _c():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


def _check(ret, what):
    if ret < 0 if isinstance(ret, int) else ret is None:
        e = ctypes.get_errno()
        raise OSError(e, "%s: %s" % (what, os.strerror(e)))
    return ret


def _prctl(op, arg=0):
    return _check(_c().prctl(op, ctypes.c_ulong(arg), 0, 0, 0), "prctl(%d)" % op)


class Protections:
    """What is in force; ``text()`` is the line the report prints."""

    def __init__(self):
        self.netns = False
        self.pidns = False
        self.mountns = False
        self.proc_private = False
        self.seccomp = False
        self.landlock_abi = 0
        self.subreaper = False
        self.notes = []

    def as_dict(self):
        return {"network": self.network(), "files": self.files(), "processes": self.processes(),
                "signals": self.signals(), "missing": self.requirements_missing()}

    def network(self):
        parts = []
        if self.netns:
            parts.append("network namespace (loopback down)")
        if self.seccomp:
            parts.append("seccomp socket block")
        if self.landlock_abi >= 4:
            parts.append("Landlock TCP rules")
        return " + ".join(parts) or "none"

    def files(self):
        return ("Landlock ABI %d (writes only in the temporary directory)" % self.landlock_abi
                if self.landlock_abi else "none")

    def processes(self):
        if self.pidns:
            return "pid namespace" + (" with its own /proc" if self.proc_private else "")
        return "new session + subreaper sweep" if self.subreaper else "new session only"

    def signals(self):
        parts = []
        if self.pidns:
            parts.append("pid namespace")
        if self.landlock_abi >= 6:
            parts.append("Landlock signal scope")
        return " + ".join(parts) or "none"

    def requirements_missing(self):
        out = []
        if not (self.seccomp or self.netns):
            out.append("no way to cut the network (no seccomp, no network namespace)")
        if not self.landlock_abi:
            out.append("no Landlock (kernel >= 5.13 with Landlock enabled): writes cannot be confined")
        if not (self.pidns or self.landlock_abi >= 6):
            out.append("no pid namespace and no Landlock signal scoping (kernel >= 6.12): "
                       "the replayed code could signal the linter")
        if not (self.pidns or self.subreaper):
            out.append("no pid namespace and no subreaper: processes started by the code could outlive it")
        return out


PROTECTIONS = Protections()


# -- namespaces and the supervisor ----------------------------------------------

def _write(path, text):
    with open(path, "w") as fh:
        fh.write(text)


def _unshare(flags):
    return _c().unshare(ctypes.c_int(flags)) == 0


def enter_namespaces(disabled=()):
    """In the supervisor: unshare what the platform allows, fork the worker (pid 1
    of the new pid namespace, or a plain child), wait for it, sweep, exit.
    Returns only in the worker.  ``disabled``: protections to do without
    (``netns``, ``pidns``, ``mountns``), to test what happens on systems without them."""
    p = PROTECTIONS
    if not sys.platform.startswith("linux"):
        p.notes.append("not Linux: no namespaces")
        return
    uid, gid = os.geteuid(), os.getegid()
    names = {"netns": CLONE_NEWNET, "mountns": CLONE_NEWNS, "pidns": CLONE_NEWPID}
    allowed = [f for n, f in names.items() if n not in disabled]
    want = sum(allowed)
    got = 0
    if uid != 0 and allowed and _unshare(CLONE_NEWUSER):
        # root inside a user namespace of our own: enough to create the others
        try:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", "0 %d 1" % uid)
            _write("/proc/self/gid_map", "0 %d 1" % gid)
        except OSError:
            pass
    if want and _unshare(want):
        got = want
    else:
        for flag in allowed:
            if _unshare(flag):
                got |= flag
    p.netns = bool(got & CLONE_NEWNET)
    p.mountns = bool(got & CLONE_NEWNS)
    pidns = bool(got & CLONE_NEWPID)
    if "subreaper" not in disabled:
        try:
            _prctl(PR_SET_CHILD_SUBREAPER, 1)
            p.subreaper = True
        except OSError:
            pass
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        p.pidns = pidns
        try:
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the supervisor killed: the worker (and its namespace) too
        except OSError:
            pass
        if os.getppid() == 1 and not pidns:
            os._exit(1)  # the supervisor died before we set the death signal
        if pidns and p.mountns:
            p.proc_private = _private_proc()
        if p.subreaper:
            try:
                _prctl(PR_SET_CHILD_SUBREAPER, 1)
            except OSError:
                p.subreaper = False
        return
    _supervise(pid)


def _private_proc():
    """A /proc of the new pid namespace: the linter's processes are not in it."""
    libc = _c()
    if libc.mount(b"none", b"/", None, ctypes.c_ulong(MS_REC | MS_PRIVATE), None) != 0:
        return False
    return libc.mount(b"proc", b"/proc", b"proc", ctypes.c_ulong(MS_NOSUID | MS_NODEV | MS_NOEXEC), None) == 0


def _supervise(child):
    """The supervisor keeps no pipe: the worker owns the request and result pipes."""
    for fd in (0, 1):
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:
            pass
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *a: _die(child))
    status = 1
    while True:
        try:
            wpid, st = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if wpid == child:
            status = os.waitstatus_to_exitcode(st)
            break
    sweep()
    os._exit(status if status >= 0 else 128 - status)


def _die(child):
    try:
        os.kill(child, signal.SIGKILL)
    except OSError:
        pass
    sweep()
    os._exit(143)


def _children(pid):
    out = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):  # orphans may be re-parented to any of our threads
            with open("/proc/%d/task/%s/children" % (pid, tid)) as fh:
                out += [int(x) for x in fh.read().split()]
    except (OSError, ValueError):
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open("/proc/%s/stat" % name) as fh:
                        if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                            out.append(int(name))
                except (OSError, ValueError, IndexError):
                    pass
    return out


def sweep(keep=()):
    """Kill every descendant of this process (orphans are re-parented to us: we
    are a subreaper, or pid 1), until none is left."""
    me = os.getpid()
    for _ in range(1000):
        kids = [k for k in _children(me) if k not in keep]
        if me == 1 and not kids and not keep:
            try:
                os.kill(-1, signal.SIGKILL)  # pid 1: everything else in the namespace
            except OSError:
                pass
        for k in kids:
            try:
                os.kill(k, signal.SIGKILL)
            except OSError:
                pass
        reaped = False
        while True:
            try:
                wpid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if wpid == 0:
                break
            reaped = True
        if not kids and not reaped:
            return


# -- seccomp ------------------------------------------------------------------

def _bpf(code, jt, jf, k):
    return struct.pack("HBBI", code, jt, jf, k)


def install_seccomp():
    """socket() and io_uring_setup() fail with EPERM; system calls of another
    architecture (x32, i386 on x86_64) fail too.  socketpair() still works."""
    arch = ARCHES.get(platform.machine())
    if arch is None:
        PROTECTIONS.notes.append("seccomp: unknown architecture %s" % platform.machine())
        return
    audit_arch, nr_socket = arch
    ld_w_abs, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    prog = b"".join([
        _bpf(ld_w_abs, 0, 0, 4),            # 0: arch
        _bpf(jeq, 0, 5, audit_arch),        # 1: other arch -> 7
        _bpf(ld_w_abs, 0, 0, 0),            # 2: syscall number
        _bpf(jge, 3, 0, 0x40000000),        # 3: x32 -> 7
        _bpf(jeq, 2, 0, nr_socket),         # 4: socket -> 7
        _bpf(jeq, 1, 0, SYS_IO_URING_SETUP),  # 5: io_uring -> 7
        _bpf(ret, 0, 0, allow),             # 6
        _bpf(ret, 0, 0, deny),              # 7
    ])
    buf = ctypes.create_string_buffer(prog, len(prog))

    class Fprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fp = Fprog(len(prog) // 8, ctypes.addressof(buf))
    try:
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        _check(_c().prctl(PR_SET_SECCOMP, ctypes.c_ulong(2), ctypes.byref(fp), 0, 0), "seccomp")
        PROTECTIONS.seccomp = True
    except OSError as e:
        PROTECTIONS.notes.append(str(e))


# -- Landlock -----------------------------------------------------------------

def landlock_abi():
    if not sys.platform.startswith("linux") or platform.machine() not in ARCHES:
        return 0
    r = _c().syscall(ctypes.c_long(SYS_LANDLOCK_CREATE_RULESET), None, ctypes.c_size_t(0),
                     ctypes.c_uint32(LL_CREATE_RULESET_VERSION))
    return max(0, r)


def install_landlock(writable):
    """Writes only beneath ``writable`` (and to /dev/null); with ABI >= 4 no TCP,
    with ABI >= 6 no signals or abstract sockets out of the domain.  Called again
    in a run child, it nests a domain: the child can then neither ptrace nor read
    the /proc files of the worker (nor, with ABI >= 6, signal it)."""
    abi = landlock_abi()
    if abi <= 0:
        return 0
    fs = LL_FS_WRITE_ALL | (LL_FS_REFER if abi >= 2 else 0) | (LL_FS_TRUNCATE if abi >= 3 else 0)
    fields = [fs]
    if abi >= 4:
        fields.append(LL_NET_TCP)
    if abi >= 6:
        fields.append(LL_SCOPE_ALL)
    attr = struct.pack("%dQ" % len(fields), *fields)
    libc = _c()
    rfd = libc.syscall(ctypes.c_long(SYS_LANDLOCK_CREATE_RULESET), ctypes.c_char_p(attr),
                       ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    if rfd < 0:
        PROTECTIONS.notes.append("landlock_create_ruleset: %s" % os.strerror(ctypes.get_errno()))
        return 0
    try:
        for path, rights in ((writable, fs), (os.devnull, LL_FS_WRITE_FILE | (LL_FS_TRUNCATE if abi >= 3 else 0))):
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            try:
                rule = struct.pack("=Qi", rights, fd)
                _check(libc.syscall(ctypes.c_long(SYS_LANDLOCK_ADD_RULE), ctypes.c_int(rfd),
                                    ctypes.c_int(LL_RULE_PATH_BENEATH), ctypes.c_char_p(rule),
                                    ctypes.c_uint32(0)), "landlock_add_rule")
            finally:
                os.close(fd)
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        _check(libc.syscall(ctypes.c_long(SYS_LANDLOCK_RESTRICT_SELF), ctypes.c_int(rfd), ctypes.c_uint32(0)),
               "landlock_restrict_self")
    except OSError as e:
        PROTECTIONS.notes.append(str(e))
        return 0
    finally:
        os.close(rfd)
    return abi


# -- descriptors and limits ---------------------------------------------------

def private_stdio():
    """The request and result pipes move to private descriptors; the user's
    stdin/stdout become /dev/null.  Returns (request fd, result fd)."""
    req_fd = os.dup(0)
    res_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    close_other_fds((0, 1, 2, req_fd, res_fd))
    return req_fd, res_fd


def close_other_fds(keep):
    try:
        fds = [int(x) for x in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 256))
    for fd in fds:
        if fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def basic_limits(fsize_mb):
    fsize = int(fsize_mb) * 1024 * 1024
    for lim, val in ((resource.RLIMIT_FSIZE, fsize), (resource.RLIMIT_CORE, 0)):
        try:
            resource.setrlimit(lim, (val, val))
        except (ValueError, OSError):
            pass
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # over-size writes fail with EFBIG instead
    except (AttributeError, OSError, ValueError):
        pass
    try:
        _prctl(PR_SET_DUMPABLE, 0)
    except OSError:
        pass


def _vm_bytes():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def sandbox_memory(memory_mb):
    """In a run child: the address space may grow by memory_mb more."""
    try:
        limit = _vm_bytes() + int(memory_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


# -- the time slice of one run ----------------------------------------------------

_armed = False


def _on_alarm(signum, frame):
    if _armed:
        raise ReplayTimeout()


def call_limited(fn, seconds):
    global _armed
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, max(0.05, seconds), 0.25)  # repeats if the user swallows it
    try:
        return fn()
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)


def become_subreaper():
    try:
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
    except OSError:
        pass


# -- a run child ------------------------------------------------------------

RUN_CONFIG = {"tmp": None, "memory_mb": 2048}


def enter_run_child(keep=()):
    """First thing in the child that runs the user's code: it dies with the
    worker, keeps only stdio and its report pipe, and enters a nested Landlock
    domain (no ptrace, no /proc/<pid>/fd or environ of the worker; with ABI >= 6
    no signal to it)."""
    try:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass
    close_other_fds((0, 1, 2) + tuple(keep))
    if PROTECTIONS.landlock_abi and RUN_CONFIG["tmp"]:
        install_landlock(RUN_CONFIG["tmp"])
    sandbox_memory(RUN_CONFIG["memory_mb"])
