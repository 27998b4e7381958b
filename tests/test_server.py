"""The language server, end to end: a real LSP session over stdio with ``python -m inplace_lint server``.

Needs the server extra (pygls), which the README's test command installs.
The client here speaks JSON-RPC with Content-Length framing itself (no LSP
library on the client side), so the test sees exactly the bytes an editor sees.
"""
import json
import os
import queue
import subprocess
import sys
import threading
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAZARD = ("import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\n"
          "s = '\U0001F600'; y.mul_(2)\n")  # an astral character before the hazard: UTF-16 columns differ
FIXED = HAZARD.replace("y.mul_(2)", "y = y.mul(2)")


class Client:
    def __init__(self, cwd):
        env = dict(os.environ, PYTHONPATH=ROOT)
        self.proc = subprocess.Popen([sys.executable, "-m", "inplace_lint", "server"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                k, v = line.decode("ascii").split(":", 1)
                headers[k.strip().lower()] = v.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"])).decode("utf-8")))

    def send(self, method, params=None, request=False):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def wait(self, pred, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError("no such message from the server") from None
            if pred(msg):
                return msg

    def request(self, method, params=None):
        rid = self.send(method, params, request=True)
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def diagnostics(self, uri):
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return msg["params"]["diagnostics"]

    def drain(self, seconds):
        got = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                got.append(self.inbox.get(timeout=0.05))
            except queue.Empty:
                pass
        return got


def uri(path):
    return "file://" + str(path)


def _open(client, path, text, version=1):
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "python",
                                                          "version": version, "text": text}})


@pytest.fixture
def session(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\nper-file-ignores = { "legacy_*.py" = ["IPL"] }\n')
    c = Client(tmp_path)
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": uri(tmp_path), "capabilities": {
        "textDocument": {"publishDiagnostics": {"relatedInformation": True, "codeDescriptionSupport": True}},
        "notebookDocument": {"synchronization": {}}}})
    c.send("initialized", {})
    yield c, tmp_path, init["result"]["capabilities"]
    if c.proc.poll() is None:
        c.proc.kill()
    c.proc.wait(10)


def test_lsp_session(session):
    c, root, caps = session
    assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert caps["textDocumentSync"]["save"] and caps["notebookDocumentSync"]["notebookSelector"]
    path = root / "train.py"
    _open(c, path, HAZARD)
    diags = c.diagnostics(uri(path))
    assert len(diags) == 1
    d = diags[0]
    assert d["code"] == "IPL001" and d["severity"] == 1 and d["source"] == "inplace-lint"
    assert d["codeDescription"]["href"].endswith("/docs/rules/IPL001.md")
    # `y.mul_(2)` starts at code point 9 of line 4, UTF-16 unit 10 (the emoji is two units)
    assert d["range"] == {"start": {"line": 3, "character": 10}, "end": {"line": 3, "character": 19}}
    rel = d["relatedInformation"][0]
    assert rel["location"]["uri"] == uri(path) and rel["location"]["range"]["start"] == {"line": 2, "character": 4}
    assert rel["message"] == "saved for backward here by sigmoid (its output)"

    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(path)}, "range": d["range"],
                                                    "context": {"diagnostics": [d]}})["result"]
    fix, noqa = actions
    assert fix["isPreferred"] is True and fix["kind"] == "quickfix" and "IPL001" in fix["title"]
    edit = fix["edit"]["changes"][uri(path)][0]
    assert edit == {"range": d["range"], "newText": "y = y.mul(2)"}
    assert noqa["title"] == "Add `# noqa: IPL001`" and noqa["isPreferred"] is False
    assert noqa["edit"]["changes"][uri(path)][0]["newText"] == "s = '\U0001F600'; y.mul_(2)  # noqa: IPL001"

    # apply the fix as an editor would (an incremental change), the diagnostic goes away
    c.send("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": 2},
                                      "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]})
    assert c.diagnostics(uri(path)) == []

    # a burst of typing is analysed once, for the last text
    for v, text in enumerate([HAZARD, FIXED, HAZARD, FIXED, HAZARD], start=3):
        c.send("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": v},
                                          "contentChanges": [{"text": text}]})
    got = [m for m in c.drain(3) if m.get("method") == "textDocument/publishDiagnostics"]
    assert 1 <= len(got) < 5 and len(got[-1]["params"]["diagnostics"]) == 1

    c.send("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
    assert len(c.diagnostics(uri(path))) == 1
    c.send("textDocument/didClose", {"textDocument": {"uri": uri(path)}})
    assert c.diagnostics(uri(path)) == []

    assert c.request("shutdown")["result"] is None
    c.send("exit")
    assert c.proc.wait(20) == 0


def test_noqa_config_and_a_broken_config(session):
    c, root, _ = session
    _open(c, root / "a.py", HAZARD.replace("y.mul_(2)", "y.mul_(2)  # noqa: IPL001"))
    assert c.diagnostics(uri(root / "a.py")) == []
    _open(c, root / "legacy_b.py", HAZARD)  # per-file-ignores of the project's pyproject.toml
    assert c.diagnostics(uri(root / "legacy_b.py")) == []
    (root / "sub").mkdir()
    (root / "sub" / "pyproject.toml").write_text("[tool.inplace-lint]\nselect = 5\n")
    _open(c, root / "sub" / "c.py", HAZARD)
    diags = c.diagnostics(uri(root / "sub" / "c.py"))
    assert len(diags) == 1 and diags[0]["message"].startswith("configuration error:")
    assert "select must be a list of strings" in diags[0]["message"]
    # the sub-project's config is read afresh: fixing it brings the finding back
    (root / "sub" / "pyproject.toml").write_text('[tool.inplace-lint]\nselect = ["IPL"]\n')
    c.send("textDocument/didSave", {"textDocument": {"uri": uri(root / "sub" / "c.py")}})
    assert [d["code"] for d in c.diagnostics(uri(root / "sub" / "c.py"))] == ["IPL001"]


def test_notebook_cells(session):
    c, root, _ = session
    nb = uri(root / "explore.ipynb")
    cells = [("cell1", 2, "python", "import torch\nx = torch.randn(3, requires_grad=True)\n"),
             ("cell2", 1, "markdown", "y.mul_(2) in prose\n"),
             ("cell3", 2, "python", "%%time\ny = torch.sigmoid(x)\ny.mul_(2)\n")]
    c.send("notebookDocument/didOpen", {
        "notebookDocument": {"uri": nb, "notebookType": "jupyter-notebook", "version": 1,
                             "cells": [{"kind": k, "document": f"{nb}#{n}"} for n, k, _, _ in cells]},
        "cellTextDocuments": [{"uri": f"{nb}#{n}", "languageId": lang, "version": 1, "text": text}
                              for n, _, lang, text in cells]})
    seen = {}
    while f"{nb}#cell3" not in seen or f"{nb}#cell1" not in seen:
        m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        seen[m["params"]["uri"]] = m["params"]["diagnostics"]
    assert seen[f"{nb}#cell1"] == []
    (d,) = seen[f"{nb}#cell3"]
    assert d["code"] == "IPL001" and d["range"]["start"] == {"line": 2, "character": 0}
    assert d["relatedInformation"][0]["location"]["uri"] == f"{nb}#cell3"
    assert d["relatedInformation"][0]["location"]["range"]["start"]["line"] == 1
    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": f"{nb}#cell3"}, "range": d["range"],
                                                    "context": {"diagnostics": [d]}})["result"]
    assert [a["title"] for a in actions] == ["Add `# noqa: IPL001`"]


def test_server_command_without_pygls_says_how_to_install(tmp_path):
    code = ("import sys\nclass Block:\n    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('pygls', 'lsprotocol'):\n            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\nfrom inplace_lint.frontends.cli import main\nmain(['server'])\n")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 2 and "pip install 'inplace-lint[server]'" in p.stderr


def test_the_server_answers_while_a_file_is_analysed(session):
    # ordering, not timing: a request sent after a slow file's didOpen is answered before that
    # file's diagnostics arrive, which is impossible if the analysis ran on the event loop
    c, root, _ = session
    big = "import torch\n" + "".join(f"def f{i}(x):\n    y = torch.sigmoid(x)\n    y.mul_(2)\n    return y\n\n"
                                      for i in range(200))
    _open(c, root / "big.py", big)
    rid = c.send("textDocument/codeAction", {"textDocument": {"uri": uri(root / "other.py")},
                                             "range": {"start": {"line": 0, "character": 0},
                                                       "end": {"line": 0, "character": 0}},
                                             "context": {"diagnostics": []}}, request=True)
    first = c.wait(lambda m: m.get("id") == rid or m.get("method") == "textDocument/publishDiagnostics")
    assert first.get("id") == rid and first["result"] == []
    assert len(c.diagnostics(uri(root / "big.py"))) == 200
