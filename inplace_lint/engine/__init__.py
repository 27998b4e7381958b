"""The analysis engine: parse once, interpret once, hand facts to the rules.

``analyze(module)`` returns one ``Event`` per in-place site and calling
context.  It never imports a rule and never imports torch.
"""
from __future__ import annotations

from .budget import Events, Incomplete, deeper_stack, running
from .facts import Event, SaveFact

__all__ = ["analyze", "Event", "SaveFact"]


def analyze(module, source=None, knowledge=None, tree=None, project=None, path=None) -> list:
    """Events for every in-place site of ``module`` (an ``Events`` list whose
    ``incomplete`` says whether, and where, the analysis stopped early).

    ``source`` is the module's text (else regenerated); ``tree`` an ``ast`` of
    it if the caller has one (flake8 does), used only to place positions.
    ``project`` (an ``engine.project.ProjectIndex``) lets calls into the
    project's other modules be followed; ``path`` is this module's file.
    """
    # Imported here, not above: the rules import ``engine.facts``, and a run
    # answered from the cache must not pay for libcst.
    from .frames import target_text
    from .interpreter import Interpreter
    from .positions import Positions

    interp = Interpreter(module, knowledge, project=project, path=path, source=source)
    positions = Positions(module, source if source is not None else module.code, tree)  # lazy
    interp.home_positions = positions
    incomplete = None
    with deeper_stack(), running(interp):
        try:
            raw = interp.run()
        except Incomplete as e:
            incomplete, raw = e, interp.events
        except RecursionError:
            incomplete, raw = Incomplete("code nested too deeply"), interp.events
        if interp.candidates:
            from .project.own_check import settle

            settle(interp)  # (what stops a callee's own analysis leaves its candidates out)
    if project is not None and path:
        project.note_deps(path, interp.deps)
    events = Events()
    if incomplete is not None:
        events.incomplete = incomplete
        if interp.cur_stmt is not None:
            try:
                incomplete.line = positions.get(interp.cur_stmt, interp.cur_stmt)[0]
            except (RecursionError, LookupError, ValueError):
                incomplete.line = 0
    if not raw:
        return events
    placer = None
    if project is not None:
        from .project.report import Placer

        placer = Placer(interp, positions, path)
    code_cache: dict = {}

    def text(node):
        key = id(node)
        s = code_cache.get(key)
        if s is None:
            s = target_text(module.code_for_node, node)
            if len(s) > 60:
                s = s[:57] + "..."
            code_cache[key] = s
        return s

    def where(node, stmt):
        return lambda: positions.get(node, stmt)

    def call_place(call, stmt):
        env = placer.env_of_stmt(stmt) if placer is not None else None
        if env is None:
            return f"line {positions.get(call, stmt)[0]}"
        return f"{placer.path(env)}:{env.positions.get(call, stmt)[0]}"  # a base class's method elsewhere

    def chain_text(chain):
        return "via " + ", ".join(f"{fname}() called at {call_place(call, stmt)}" for fname, call, stmt in chain)

    def context(chain):
        return lambda: chain_text(chain)

    numbers: dict = {}  # id of a Save or Storage -> its number in this analysis (grouping keys)

    def number(obj):
        return numbers.setdefault(id(obj), len(numbers))

    def save_fact(s, r):
        env = placer.save_env(s) if placer is not None else None
        # (an output backward reaches on some paths only: the save matters on those)
        used = s.out is None or s.out.used is True
        certain = s.certain and used
        if env is None:
            fact = SaveFact(s.op, s.what, certain, s.hooked, where(s.node, s.stmt), id(s) in r.previous,
                            key=number(s))
        else:
            fact = SaveFact(s.op, s.what, certain, s.hooked, placer.where(env, s.node, s.stmt),
                            id(s) in r.previous, placer.path(env), key=number(s))
        fact.cast = s.cast and used
        return fact

    for r in raw:
        t = r.tensor
        # A save whose op output was never consumed by anything that could
        # backpropagate (``torch.sigmoid(x).detach()``) is unreachable.
        saves = [save_fact(s, r) for s in r.saves if s.out is None or s.out.used]
        lazy = {"span": where(r.node, r.stmt), "target": (lambda n=r.target_node: text(n))}
        if r.chain:
            lazy["context"] = context(r.chain)
        if r.related_node is not None:
            lazy["related"] = where(r.related_node, r.related_stmt)
        if placer is not None:
            _place_foreign(r, lazy, placer, text, chain_text)
        events.append(Event(
            kind=r.kind, op=r.op, grad_enabled=r.grad, requires_grad=t.rg, is_leaf=t.leaf, view=t.view,
            view_base_requires_grad=t.base_rg, view_base_is_leaf=t.base_leaf, via_data=t.data,
            alias_certain=t.alias_certain, saves=saves, out_inputs_requires_grad=r.out_rg,
            related_message=r.related_message, basic_index=r.basic_index, is_tensor=t.kind not in ("arg", "opaque"),
            lazy=lazy, alias_op=t.alias_op, origin=t.origin, unknown_origin=t.kind in ("arg", "input", "opaque"),
            storage=tuple(number(st) for st in t.storage),
        ))
    return events


def _place_foreign(r, lazy, placer, text, chain_text):
    """Report a write made inside another project module at the call in this file
    that led there; related places in other files carry their path."""
    if r.related_node is not None:
        renv = placer.env_of_stmt(r.related_stmt)
        if renv is not None:
            lazy["related"] = placer.where(renv, r.related_node, r.related_stmt)
            lazy["related_path"] = lambda: placer.path(renv)
    if r.env is None:
        return
    anchor = r.anchor
    lazy["span"] = placer.where(None, anchor.node, anchor.stmt)
    lazy["target"] = lambda: placer.target(r, text)
    lazy["context"] = lambda: placer.context(r, chain_text)
    lazy["written_in"] = lambda: (placer.path(r.env),) + r.env.positions.get(r.node, r.stmt)[:2]
    if r.caller_target is None and placer.home_path:
        # the call here does not show the tensor: the write's own line is where to report
        # it when that file is checked in the same run (``relocation.relocate``)
        lazy["moved"] = lambda: placer.moved(r)
