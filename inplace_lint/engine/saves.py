"""What an op keeps for backward: each saved input or output recorded on its tensor's
storage (and, for "a or b", on each member's, on that member's path), in the order the op
makes them (an in-place op's other arguments before its own write).  Mixed into
``Interpreter`` through ``TorchSemantics``."""
from __future__ import annotations

from .autocast import cast_save
from .call_facts import arg_node, overload_saves, string_certain, string_unsure, triggered
from .ranks import folded_as_is
from .values import Save, Seq, Tensor, made_after, t_and, t_or
from .varargs import is_varargs, varargs_saves

# composite ops that fold batch dimensions (matmul, linear): of a transposing view they
# reshape a copy and save that copy
FOLDING_OPS = {"matmul", "linear"}


class Saves:
    def _self_saved_argument(self, spec, name, bound, first, node, out_rg):
        """``cdf.div_(cdf[:, -1:])``: an in-place op that saves another argument sharing the
        written tensor's version counter saves it before its own write bumps the counter,
        so its backward finds it modified.  Those saves are made before the write; the
        spec without them is returned for the rest."""
        if out_rg is False:
            return spec
        saves, _ = overload_saves(spec, bound)
        params = spec.get("params") or ()
        early = [w for w in saves if w != "result" and (not params or w != params[0])
                 and isinstance(bound.get(w), Tensor) and bound[w].storage is first.storage]
        if not early:
            return spec
        self._record_saves(dict(spec, saves=early, overloads=()), name, bound, first, node, out_rg)
        return dict(spec, saves=[w for w in spec.get("saves") or () if w not in early])

    def _call_writes(self, spec, name, bound, node):
        """Arguments other than the first that the call writes in place (F.embedding
        with max_norm renormalises rows of its weight), as measured by the generator."""
        params = spec.get("params") or []
        for p, w in (spec.get("writes") or {}).items():
            t = bound.get(p)
            if not isinstance(t, Tensor):
                continue
            when = w.get("when", ())
            cond = triggered(when, bound.get)
            if cond is not False:
                label = f"{name}({', '.join(k + '=...' for k in when)})"
                target = arg_node(node, params, p) or node
                self._write_under_no_grad(t, label, node, target, cond is True)

    def _record_saves(self, spec, name, bound, result, node, out_rg=None, by_default=frozenset()):
        saves, unsure = overload_saves(spec, bound)
        if not saves:
            return
        saved_for = spec.get("saved_for") or {}
        slot_names = {v: k for k, v in (spec.get("keywords") or {}).items()}
        # Layout-dependent saves of the folding ops are modelled here (noncontig
        # views), so the generator's "sometimes" for them is not needed.
        sometimes = () if name.rstrip("_") in FOLDING_OPS else (spec.get("saves_sometimes") or ())
        sometimes = (set(sometimes) - string_certain(spec, bound) - by_default) | unsure | string_unsure(spec, bound)
        if out_rg is None:
            out_rg = self._out_rg([v for v in bound.values() if isinstance(v, Tensor)])
        for what in saves:
            if is_varargs(what):
                for t, label, certain, _ in varargs_saves(spec, name, what, bound, self.state.grad, out_rg, sometimes):
                    self._save(t, name, label, node, certain, out=result if isinstance(result, Tensor) else None)
                continue
            if what == "result":
                t = result
            elif what.startswith("result") and isinstance(result, Tensor) and result.outputs:
                i = int(what[6:] or 0)
                t = result.outputs[i] if i < len(result.outputs) else None
            else:
                t = bound.get(what)
            if isinstance(t, Seq):
                t = t.element()
            if not isinstance(t, Tensor):
                continue
            need = saved_for.get(what)
            if need:
                cond = False
                for p in need:
                    v = bound.get(p) if p != "result" else result
                    if isinstance(v, Tensor):
                        cond = t_or(cond, v.rg)
                cond = t_and(cond, self.state.grad)
            else:
                cond = out_rg
            if cond is False:
                continue
            certain = cond is True and what not in sometimes
            if name.rstrip("_") in FOLDING_OPS and t.noncontig and not folded_as_is(t, name, what, spec, bound):
                certain = False  # saved a reshaped copy, not this view
            # a tensor in a slot whose first signature takes no tensor is another
            # overload's argument: name it as that overload does (min's "other", not "dim")
            label = slot_names.get(what, what)
            how = cast_save(self.cast, spec, what, t)
            if how == "copy":
                continue  # a cast copy is saved (autocast.py)
            self._save(t, name, label, node, certain, out=result if isinstance(result, Tensor) else None,
                       cast=how == "maybe", own=bool(need) and set(need) == {what})

    def _save(self, t: Tensor, op, what, node, certain, out=None, cast=False, own=False):
        if t.data:
            return
        # Following one of several callables, a save of what existed before is made on
        # that option's path only; a tensor the option computed itself exists on that
        # path only, and what saved it there did so for certain (whether the write that
        # follows meets a save on every path is decided there: see mutate's groups).
        doubtful = self.doubt and not made_after(t, self.doubt_marks[-1])
        certain = certain and t.alias_certain and not doubtful and not t.partial
        save = Save(op, what, node, certain and not cast, self.state.hooked, self.state.epoch, self.cur_stmt, out)
        save.cast = cast and certain
        save.region, save.sid = t.region, t.storage.id
        self._keep_save(t.storage, save)
        if t.members and type(t.paths) is tuple:
            # "a or b" (the join of the arms of an ``if``: ``adv[t + 1] if t < T - 1 else zeros``)
            # saved: on a's path a was saved, against a's version counter (the buffer a view of
            # it shares), so a later write to the buffer breaks it there: on some paths only.
            # (Not the joins of a loop's passes or of the layers of a list of unknown order:
            # pairing each with each is an over-approximation there.)
            # (``own``: kept for its own gradient only, as cos keeps its input: a value that
            # surely needs no grad, a detached cache slice, is not kept on its path)
            idle = t.paths[2] if len(t.paths) > 2 else ()  # an inference-only arm's values
            for m in t.members:
                if m.storage is not t.storage and not m.data and m.storage.id not in idle \
                        and not (own and m.rg is False):
                    s = Save(op, what, node, False, self.state.hooked, self.state.epoch, self.cur_stmt, out)
                    s.region, s.sid, s.joined = m.region, m.storage.id, True
                    self._keep_save(m.storage, s)

    def _keep_save(self, storage, save):
        storage.saves.append(save)
        self.save_log.append(save)
        if self.recomputed is not None:  # inside checkpoint(): dropped after the call (calls.checkpoint)
            self.recomputed.append((storage, save))
