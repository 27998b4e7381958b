"""``inplace-lint server``: a Language Server Protocol server over stdio (pygls).

Installed with the ``server`` extra (``pip install 'inplace-lint[server]'``).

- Diagnostics are published on open and save at once, and on change after a
  pause in typing (``DEBOUNCE_S``).  The analysis runs in a worker thread, so
  the event loop keeps reading messages while a file is analysed; a result
  that a newer edit has overtaken is dropped, not published.
- Each diagnostic has the rule code, its severity (error/warning), a link to
  the rule's page (``codeDescription.href``) and the "saved for backward here"
  places as ``relatedInformation``.
- The file's own project decides: the nearest ``[tool.inplace-lint]`` above
  the file (read afresh for each analysis, so edits to it apply), its
  per-file-ignores and excludes, and ``# noqa`` / ``# inplace-lint: noqa``.
  A broken configuration is shown as one diagnostic on the first line.
- Notebooks (``notebookDocument`` sync): the Python code cells are analysed
  together, as the command line does, and each cell gets its diagnostics.
- Code actions: the rewrites ``--fix`` would apply (safe ones as preferred
  quick fixes, unsafe ones offered but not preferred) and "Add ``# noqa:
  IPLxxx``" for every finding.
"""
from __future__ import annotations

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__, grouping
from ..config import ConfigError, Resolver
from ..findings import ERROR
from ..gitignore import GitIgnore
from ..runner import check_notebook, check_source
from .add_noqa import with_noqa
from .fix import plan_fixes
from .reports import rule_help_uri

DEBOUNCE_S = 0.3
SOURCE = "inplace-lint"
log = logging.getLogger(__name__)


def _path_of(uri: str) -> str:
    return to_fs_path(uri) or uri


class _Target:
    """One analysed document: a text file, or a notebook (its code cells as ``cell_uris``)."""

    def __init__(self, uri, result, texts, cell_uris=None, config_error=None):
        self.uri = uri
        self.result = result
        self.texts = texts  # {uri: text} the positions refer to
        self.cell_uris = cell_uris  # notebooks: uri of code cell k+1
        self.config_error = config_error


class InplaceLintServer(LanguageServer):
    def __init__(self):
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
            notebook_document_sync=T.NotebookDocumentSyncOptions(
                notebook_selector=[T.NotebookDocumentFilterWithCells(
                    cells=[T.NotebookCellLanguage(language="python")], notebook="jupyter-notebook")],
                save=True))
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inplace-lint-analysis")
        self.generation: dict = {}  # document uri -> number of the newest analysis asked for
        self.timers: dict = {}
        self.targets: dict = {}  # document uri -> _Target of the last analysis published
        self.cell_owner: dict = {}  # cell uri -> notebook uri

    # ------------------------------------------------------------ scheduling
    def schedule(self, uri: str, delay: float, notebook: bool = False):
        loop = asyncio.get_running_loop()
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        gen = self.generation.get(uri, 0) + 1
        self.generation[uri] = gen
        self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self._run(uri, gen, notebook)))

    async def _run(self, uri: str, gen: int, notebook: bool):
        self.timers.pop(uri, None)
        snapshot = self._snapshot(uri, notebook)  # read the documents here, on the loop, not in the thread
        if snapshot is None:
            return
        loop = asyncio.get_running_loop()
        try:
            target = await loop.run_in_executor(self.executor, _analyse, uri, snapshot, notebook)
        except Exception as e:  # a bug must not take the server down
            log.exception("analysis failed")
            self.window_log_message(T.LogMessageParams(T.MessageType.Error, f"inplace-lint: {uri}: {e}"))
            return
        if self.generation.get(uri) != gen:
            return  # overtaken by a newer edit
        self.publish(target)

    def _snapshot(self, uri, notebook):
        if not notebook:
            doc = self.workspace.get_text_document(uri)
            return {"version": doc.version, "text": doc.source}
        nb = self.workspace.get_notebook_document(notebook_uri=uri)
        if nb is None:
            return None
        cells = []
        for cell in nb.cells:
            if cell.kind != T.NotebookCellKind.Code:
                continue
            doc = self.workspace.get_text_document(cell.document)
            if doc.language_id not in (None, "python"):
                continue
            cells.append((cell.document, doc.source))
            self.cell_owner[cell.document] = uri
        return {"version": nb.version, "cells": cells}

    # ------------------------------------------------------------ publishing
    def publish(self, target: _Target):
        old = self.targets.get(target.uri)
        self.targets[target.uri] = target
        by_uri = {u: [] for u in (target.cell_uris or [target.uri])}
        if old is not None and old.cell_uris:
            for u in old.cell_uris:  # cells that went away lose their diagnostics too
                by_uri.setdefault(u, [])
        if target.config_error:
            first = target.cell_uris[0] if target.cell_uris else target.uri
            by_uri.setdefault(first, []).append(T.Diagnostic(
                range=T.Range(T.Position(0, 0), T.Position(0, 0)), severity=T.DiagnosticSeverity.Error,
                source=SOURCE, message=f"configuration error: {target.config_error}"))
        for f in (target.result.findings if target.result else []):
            uri = self.uri_of(target, f)
            by_uri.setdefault(uri, []).append(self.diagnostic(target, f))
        for uri, diags in by_uri.items():
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diags))

    def uri_of(self, target, f):
        if target.cell_uris and f.cell is not None and 0 < f.cell <= len(target.cell_uris):
            return target.cell_uris[f.cell - 1]
        return target.uri

    def position(self, target, uri, line, column):
        lines = target.texts.get(uri, "").splitlines()
        p = T.Position(max(0, line - 1), max(0, column - 1))
        return self.workspace.position_codec.position_to_client_units(lines, p)

    def diagnostic(self, target, f) -> T.Diagnostic:
        uri = self.uri_of(target, f)
        rng = T.Range(self.position(target, uri, f.line, f.column),
                      self.position(target, uri, f.end_line, f.end_column))
        related = []
        for r in f.related:
            ruri = uri
            if r.path is not None:
                path, _, cell = r.path.rpartition(":cell ")
                if target.cell_uris and cell.isdigit() and 0 < int(cell) <= len(target.cell_uris):
                    ruri = target.cell_uris[int(cell) - 1]
                else:
                    ruri = from_fs_path(r.path) or r.path
            p = self.position(target, ruri, r.line, r.column)
            related.append(T.DiagnosticRelatedInformation(T.Location(ruri, T.Range(p, p)), r.message))
        return T.Diagnostic(
            range=rng, message=f.message, source=SOURCE, code=f.code,
            severity=T.DiagnosticSeverity.Error if f.severity == ERROR else T.DiagnosticSeverity.Warning,
            code_description=T.CodeDescription(href=rule_help_uri(f.code)),
            related_information=related or None)

    # ------------------------------------------------------------ code actions
    def code_actions(self, params: T.CodeActionParams):
        uri = params.text_document.uri
        target = self.targets.get(self.cell_owner.get(uri, uri))
        if target is None or target.result is None:
            return []
        current = self.workspace.get_text_document(uri).source
        if target.texts.get(uri) != current:
            return []  # the document changed since its analysis: positions would be wrong
        first, last = params.range.start.line + 1, params.range.end.line + 1
        mine = [f for f in target.result.findings
                if self.uri_of(target, f) == uri and f.line <= last and f.end_line >= first]
        actions = []
        if mine and not target.cell_uris:
            plan_fixes(target.result)
        for f in mine:
            diag = self.diagnostic(target, f)
            if f.fix is not None and not target.cell_uris:
                edits = [T.TextEdit(T.Range(self.position(target, uri, e.line, e.column),
                                            self.position(target, uri, e.end_line, e.end_column)), e.replacement)
                         for e in f.fix.edits]
                title = f"Fix {f.code}: {f.fix.description}" + ("" if f.fix.safe else " (unsafe: may change "
                                                                                     "behaviour)")
                actions.append(T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix, diagnostics=[diag],
                                            is_preferred=f.fix.safe,
                                            edit=T.WorkspaceEdit(changes={uri: edits})))
            lines = current.splitlines()
            noqa_edits = []
            # a grouped finding: every line of the group (in this document), or the next one would show
            for n in sorted({m.line for m in (f.group or (f,)) if self.uri_of(target, m) == uri}):
                if 0 < n <= len(lines):
                    text = lines[n - 1]
                    new = with_noqa(text, {f.code})
                    if new != text:
                        rng = T.Range(self.position(target, uri, n, 1), self.position(target, uri, n, len(text) + 1))
                        noqa_edits.append(T.TextEdit(rng, new))
            if noqa_edits:
                actions.append(T.CodeAction(title=f"Add `# noqa: {f.code}`", kind=T.CodeActionKind.QuickFix,
                                            diagnostics=[diag], is_preferred=False,
                                            edit=T.WorkspaceEdit(changes={uri: noqa_edits})))
        return actions


def _analyse(uri: str, snapshot: dict, notebook: bool) -> _Target:
    """Runs in the worker thread: config lookup, engine, rules."""
    path = _path_of(uri)
    try:
        config = Resolver().for_path(path)
    except ConfigError as e:
        texts = dict(snapshot["cells"]) if notebook else {uri: snapshot["text"]}
        return _Target(uri, None, texts, [u for u, _ in snapshot["cells"]] if notebook else None, str(e))
    skipped = config.excluded_with_parents(path) or (config.respect_gitignore and GitIgnore().ignored(path))
    if not notebook:
        result = None if skipped else check_source(snapshot["text"], path, config)
        return _Target(uri, result, {uri: snapshot["text"]})
    cells = snapshot["cells"]
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": text} for _, text in cells],
          "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    result = None if skipped else check_notebook(json.dumps(nb), path, config)
    if result is not None and config.group_findings:  # as apply_config does for `check`
        result.findings = grouping.group(result.findings)
    return _Target(uri, result, dict(cells), [u for u, _ in cells])


def make_server() -> InplaceLintServer:
    server = InplaceLintServer()

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: InplaceLintServer, params: T.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: InplaceLintServer, params: T.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, DEBOUNCE_S)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: InplaceLintServer, params: T.DidSaveTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: InplaceLintServer, params: T.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        ls.generation[uri] = ls.generation.get(uri, 0) + 1  # drop an analysis still running
        ls.targets.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_OPEN)
    async def nb_open(ls: InplaceLintServer, params: T.DidOpenNotebookDocumentParams):
        ls.schedule(params.notebook_document.uri, 0, notebook=True)

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_CHANGE)
    async def nb_change(ls: InplaceLintServer, params: T.DidChangeNotebookDocumentParams):
        ls.schedule(params.notebook_document.uri, DEBOUNCE_S, notebook=True)

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_SAVE)
    async def nb_save(ls: InplaceLintServer, params: T.DidSaveNotebookDocumentParams):
        ls.schedule(params.notebook_document.uri, 0, notebook=True)

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_CLOSE)
    async def nb_close(ls: InplaceLintServer, params: T.DidCloseNotebookDocumentParams):
        uri = params.notebook_document.uri
        ls.generation[uri] = ls.generation.get(uri, 0) + 1
        old = ls.targets.pop(uri, None)
        for cell in (old.cell_uris if old and old.cell_uris else []):
            ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=cell, diagnostics=[]))

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                    T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    def code_action(ls: InplaceLintServer, params: T.CodeActionParams) -> Optional[list]:
        return ls.code_actions(params)

    return server


def main():
    make_server().start_io()
