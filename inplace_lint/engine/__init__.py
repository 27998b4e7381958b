"""The analysis engine: parse once, interpret once, hand facts to the rules.

``analyze(module)`` returns one ``Event`` per in-place site and calling
context.  It never imports a rule and never imports torch.
"""
from __future__ import annotations

import libcst as cst

from .facts import Event, SaveFact
from .interpreter import Interpreter
from .positions import Positions

__all__ = ["analyze", "Event", "SaveFact"]


def analyze(module: cst.Module, source=None, knowledge=None) -> list:
    interp = Interpreter(module, knowledge)
    raw = interp.run()
    if not raw:
        return []
    positions = Positions(module, source if source is not None else module.code)
    code_cache: dict = {}
    where = positions.get

    def text(node):
        key = id(node)
        s = code_cache.get(key)
        if s is None:
            s = module.code_for_node(node).strip()
            if len(s) > 60:
                s = s[:57] + "..."
            code_cache[key] = s
        return s

    events = []
    for r in raw:
        line, col, end_line, end_col = where(r.node, r.top)
        t = r.tensor
        saves = []
        for s in r.saves:
            sl, sc, _, _ = where(s.node, s.top)
            saves.append(SaveFact(s.op, s.what, sl, sc, s.certain, s.hooked))
        ctx = ""
        if r.chain:
            parts = []
            for fname, call, top in r.chain:
                cl = where(call, top)[0]
                parts.append(f"{fname}() called at line {cl}")
            ctx = "via " + ", ".join(parts)
        related = where(r.related_node, r.related_top) if r.related_node is not None else None
        events.append(Event(
            kind=r.kind, op=r.op, target=text(r.target_node), line=line, column=col, end_line=end_line,
            end_column=end_col, grad_enabled=r.grad, requires_grad=t.rg, is_leaf=t.leaf, view=t.view,
            view_base_requires_grad=t.base_rg, view_base_is_leaf=t.base_leaf, via_data=t.data,
            alias_certain=t.alias_certain, saves=saves, out_inputs_requires_grad=r.out_rg,
            related_line=related[0] if related else None, related_column=related[1] if related else None,
            related_message=r.related_message, context=ctx, basic_index=r.basic_index,
        ))
    return events
