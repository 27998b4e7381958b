"""The analysis engine: one abstract interpretation of a file.

It runs the module body, then every function and method, over abstract values
(``values.py``), following calls into functions and classes of the same file
(so a helper that mutates its argument is judged with the caller's tensors).
At each in-place site it records an ``Event`` of facts; rules judge them.

This module holds the driver, statements and control flow; assignment targets are
in ``assignment.py``, how each function is analysed on its own in ``standalone.py``,
expressions in ``expressions.py``, calls into the file's (and the project's) own
functions and classes in ``calls.py``, the plain records (frames, raw events) in
``frames.py``.
What calls into torch mean lives in ``torch_semantics.py``; per-op facts in the
generated ``inplace_lint.knowledge``.
"""
from __future__ import annotations

import libcst as cst

from ..knowledge import load as load_knowledge
from . import constructions, flag_splits, guards, matching
from .assignment import Assignment
from .autocast import enter_region
from .dtypes import widths_known
from .budget import TWO_PASS_LOOP_DEPTH, Incomplete, hard_budget, stop_reason
from .heap import Heap, Journal
from .calls import Calls
from .classes import ClassDefs
from .expressions import Expressions
from .inert import inert
from .pyobjects import forget_deleted
from .loops import UNROLLED_RANGE, config_items, constant_items, counts_down, jumps, named_tensors, torch_layers
from .frames import Frame, join_vars, nonempty
from .frames import dotted as _dotted
from .project import hooks as project_hooks
from .standalone import Standalone, scope_opened
from .state import State
from .torch_semantics import TorchSemantics
from .objects import TorchObjects
from .values import (
    UNKNOWN_CONST, Const, Func, GradCtx, LambdaFn, Qual, Seq, Storage, Tensor, hidden, hidden_linked, join,
)
from .graph import use



class Interpreter(Standalone, ClassDefs, Calls, Expressions, Assignment, TorchSemantics, TorchObjects):
    def __init__(self, module: cst.Module, knowledge=None, project=None, path=None, source=None):
        self.module = module
        self.source = source  # the module's text, when the caller has it
        self.filled = set()  # ids of storages a run-once fill filled (guards.note_fill)
        self.widths_known = widths_known(source)
        self.amp = 0 if self.widths_known else 1  # > 0: float32 facts off (autocast; dtypes.py)
        self.cast = None  # the innermost autocast region: "on", "maybe" or None (autocast.py)
        self.k = knowledge or load_knowledge()
        self.events: list = []
        self.backward_runs = 0  # backward() calls seen (see Calls.restores)
        self.fused = 0  # inside a torch._foreach_ op (see TorchObjects._foreach)
        self.exact_depth = 0  # open heap journals after which no join follows (see _for)
        self.globals = Frame()
        project_hooks.setup(self, project, path)  # whole-project analysis (engine/project)
        self.chain: tuple = ()  # inline call stack: ((func name, call node), ...)
        self.funcs: list = []  # the functions being interpreted (recursion guard, super())
        self.in_deep = False  # inside constructors past MAX_DEPTH (see frames.MAX_INIT_DEPTH)
        self.deep_steps = 0  # the statements spent there
        self.steps = 0
        self.budget = 200_000
        self.hard_budget = hard_budget(self.budget)  # run() sizes both to the file
        self.foreign_steps = 0  # statements interpreted in other project modules' code
        self.foreign_budget = 20_000
        self.doubt = 0  # > 0 while following one of several possible objects
        self.tested = (None, None)  # (the test node of the if just entered, its value: see guards.refine)
        self.cached_calls: dict = {}  # (function, arguments) -> result of an @lru_cache function (see call_function)
        self.appended: set = set()  # storage ids of tensors a loop appended to a list (see _earlier_hidden)
        self.doubt_marks: list = []  # the storage id at the start of each (see Calls._each)
        self.any_order = 0  # > 0 while applying layers of a list of unknown order (containers.py)
        self.seq_at: list = []  # [call, layer index, exact] per nn.Sequential being applied
        # Positions are resolved per statement (see engine.positions), so every
        # recorded node carries the statement it lies in.
        self.cur_stmt = None
        self.loop_depth = 0
        self.state = State()
        # bumped whenever code sets grad mode (with no_grad(), set_grad_enabled, a
        # decorated function): a flag's grad facts hold while it is unchanged (guards.flag)
        self.grad_version = 0
        self.grad_switches = 0  # set_grad_enabled run as a plain call (see Calls.call_function)
        self.grad_blind = False
        self._standalone_instances: dict = {}
        # id(function node) -> (grad mode, still, flags, constant arguments) per inlined call
        self._call_grads: dict = {}
        self.constructions = constructions.Constructions()  # what the program builds
        self._mentions = None  # (see _only_called)
        self._autocast_in_text = None  # (see _autocasts)
        self._self_call_names: dict = {}  # id(method node) -> see _self_calls
        self._seen_memo: dict = {}  # (id(method node), id(class)) -> see callers_seen
        self.heap = Heap()
        self.named: list = []  # tensors bound to names (see run())
        self.dtype_of: dict = {}  # id of a ``t.dtype`` node -> the tensor t it was last read from
        self.unnamed, self.escaping = {}, set()  # locals that may die unread (see standalone.bind_name)
        self.pending: list = []  # (event, saves held by retain_graph) (see mutate())
        self.recomputed = None  # inside checkpoint(): the saves made, dropped after it (Calls.checkpoint)
        self.candidates: list = []  # events another module's own check may report (project.own_check)
        self.written: list = []  # outputs of saving ops whose saves were written since the last backward
        self.save_log: list = []  # saves made since the last backward, and those it spared
        self.loop_earlier: list = []  # per enclosing loop: the epochs of its earlier passes
        # per enclosing loop's running pass: the paths that ``continue`` and those that ``break``
        # ((variables, state) each): the first go round, the second leave the loop
        self.loop_jumps: list = []
        self.each_loops: list = []  # per enclosing for loop: (frame, element, the For node)
        self._each_writes: dict = {}  # id(for node) -> each_element.every_iteration_writes
        self._jumps: dict = {}  # (id(loop body), attributes too) -> (body, loops.jumps)
        self._matches: dict = {}  # id(Match node) -> its if chain (engine.matching)
        self._entries: dict = {}  # id(@contextmanager function) -> its parts around the yield (ClassDefs)

    # ------------------------------------------------------------------ driver
    def run(self):
        body = self.module.body
        size = _count_statements(self.module)
        self.budget = max(20_000, 40 * size)
        self.hard_budget = hard_budget(self.budget)
        # Other project modules' code may cost about as much as this file's own:
        # past that, calls into them are opaque, as they were before project analysis.
        self.foreign_budget = max(2_000, 4 * size)
        try:
            self.constructions.active = True  # the program runs (see engine/constructions.py)
            self.exec_block(body, self.globals)
            # Every function and method is also analysed on its own, with unknown
            # arguments, so code that is never called in this file is still checked.
            # Private helpers go last, so that the grad mode of every call into them
            # from the rest of the file is known: one only ever called with grad
            # disabled (from a @torch.no_grad() method) runs so (as do the methods an
            # optimizer calls from its step(): see Standalone.callers_seen).
            # (A script's entry points go before the other public functions: see constructions.in_order.)
            # (In a script, a function the program called at every call site its text has, from
            # code only the program runs, was analysed there with the values it gets: on its own,
            # with unknown arguments, it would only add what no call of it does.  The program is
            # its entry points' analyses, which run first: see constructions.in_order.)
            world = constructions.program_world(self) if self.is_script() else None
            for node, owner in constructions.in_order(self, list(self._all_functions(body))):
                if owner is None and world is not None and not constructions.is_root(self, node, owner) \
                        and world.closed(node, 0):
                    continue
                if not inert(self, node, owner):  # (see engine/inert.py)
                    self._analyse_standalone(node, owner)
        finally:  # also when the work budget ends the analysis early (engine.budget)
            # A tensor bound to a name and never read again is kept for whatever the
            # code does next: take it as used.  One that was read is used exactly
            # when what read it is (``idx = dist.argmax(1)`` does not use dist).
            self.named.extend(t for kept in self.unnamed.values() for t, key in kept if key in self.escaping)
            for t in self.named:
                # A spared one (see confirm_retained) stays unused unless another
                # reference to it (a copy made at a join, a return) was used.
                if not t.read and not (t.spared and not t.storage.used):
                    use(t)
        return self.events

    # --------------------------------------------------------------- statements
    def exec_block(self, stmts, frame):
        """Run statements; returns False when every path ended (return/raise/break)."""
        for stmt in stmts:
            self.steps += 1
            if self.steps > self.hard_budget:
                raise Incomplete(stop_reason(self))
            self.cur_stmt = stmt
            h = _STMT.get(type(stmt))
            if h is not None and h(self, stmt, frame) is False:
                return False
        return True

    def _body(self, node):
        b = node.body
        return b.body if hasattr(b, "body") else b

    def _simple_line(self, line, frame):
        for small in line.body:
            if self._small(small, frame) is False:
                return False
        return True

    def _small(self, small, frame):
        t = type(small).__name__
        if t == "Expr":
            self.eval(small.value, frame)
        elif t == "Assign":
            v = self.eval(small.value, frame)
            if len(small.targets) == 1 and type(small.targets[0].target) is cst.Name:
                v = guards.flag(self, small.value, frame, v)
            for tgt in small.targets:
                self.assign(tgt.target, v, frame, small.value)
        elif t == "AnnAssign":
            if small.value is not None:
                v = self.eval(small.value, frame)
                if type(small.target) is cst.Name:
                    v = guards.flag(self, small.value, frame, v)
                self.assign(small.target, v, frame, small.value)
        elif t == "AugAssign":
            self._augassign(small, frame)
        elif t == "Del":
            forget_deleted(self, small.target, frame)
        elif t == "Return":
            v = self._returned(small.value, frame)
            frame.returns.append((v, self.state.seen))  # (immutable)
            frame.exits.append(self.state)  # (a path that returned: its state is not changed again)
            return False
        elif t in ("Raise", "Break", "Continue"):
            if t == "Raise":
                if small.exc is not None:
                    self.eval(small.exc, frame)
            elif self.loop_jumps:
                jumped = self.loop_jumps[-1]
                snap = self.heap.snapshot(*jumped[2])
                jumped[t == "Break"].append((dict(frame.vars), self.state, snap))
            return False
        elif t == "Assert":
            self.eval(small.test, frame)
            facts = guards.refine(self, small.test, frame, True)
            if facts is guards.INFEASIBLE:
                return False  # the assertion fails on this path: it ends here
            guards.apply(self, frame, facts)
        elif t == "Import":
            for alias in small.names:
                full = _dotted(alias.name)
                if alias.asname is not None:
                    frame.vars[alias.asname.name.value] = Qual(self.k.resolve(full))
                else:
                    head = full.split(".")[0]
                    frame.vars[head] = Qual(head)
        elif t == "ImportFrom":
            if self.project is not None and project_hooks.import_from(self, small, frame):
                return True
            if small.module is None or small.relative or type(small.names) is cst.ImportStar:
                return True
            mod = _dotted(small.module)
            for alias in small.names:
                name = _dotted(alias.name)
                local = alias.asname.name.value if alias.asname is not None else name
                frame.vars[local] = Qual(self.k.resolve(mod + "." + name))
        return True

    def _if(self, node, frame):
        self.tested = (node.test, self.eval(node.test, frame))
        facts_a = guards.refine(self, node.test, frame, True)
        facts_b = guards.refine(self, node.test, frame, False)
        if facts_a is guards.INFEASIBLE and facts_b is guards.INFEASIBLE:
            facts_a = facts_b = []  # contradictory facts: imprecision, follow both
        flag = flag_splits.flag_test(node.test)
        split, ends = flag_splits.recall(frame, flag) if flag is not None else (None, (None, None))
        pre_vars, pre_state = dict(frame.vars), self.state
        self.state = pre_state.branch()
        flag_splits.take_end(self.state, ends[0])
        j_a, f_a = self.heap.begin(), self.heap.begin_facts()
        mark = f_a.mark
        if facts_a is guards.INFEASIBLE:
            ok_a = False  # the test rules this branch out on this path
        else:
            if split:
                frame.vars.update({k: v[0] for k, v in split.items()})
            guards.apply(self, frame, facts_a)
            ok_a = self.exec_block(self._body(node), frame)
        self.heap.end_facts(f_a)
        self.heap.end(j_a)
        a_vars, a_state = frame.vars, self.state
        frame.vars = dict(pre_vars)
        self.state = pre_state.branch()
        flag_splits.take_end(self.state, ends[1])
        ok_b = True
        orelse = node.orelse
        j_b, f_b = self.heap.begin(), self.heap.begin_facts()
        if facts_b is guards.INFEASIBLE:
            ok_b = False
        else:
            if split:
                frame.vars.update({k: v[1] for k, v in split.items()})
            guards.apply(self, frame, facts_b)
            if orelse is not None:
                if type(orelse) is cst.If:
                    self.cur_stmt = orelse
                    ok_b = self._if(orelse, frame) is not False
                else:
                    ok_b = self.exec_block(self._body(orelse), frame)
        self.heap.end_facts(f_b)
        self.heap.end(j_b)
        b_vars, b_state = frame.vars, self.state
        # object attributes written on either path: joined over the paths that go on
        a_only, b_only = a_state.seen - b_state.seen, b_state.seen - a_state.seen
        reach = [(j_a, b_only)] * bool(ok_a) + [(j_b, a_only)] * bool(ok_b)
        self.heap.merge(reach or [(j_a, b_only), (j_b, a_only)])
        self.heap.merge_facts([f for f, ok in ((f_a, ok_a), (f_b, ok_b)) if ok] or [f_a, f_b])
        guards.note_fill(self, node, frame)
        if facts_a is guards.INFEASIBLE and not ok_b or facts_b is guards.INFEASIBLE and not ok_a:
            frame.vars, self.state = (a_vars, a_state) if facts_b is guards.INFEASIBLE else (b_vars, b_state)
            return False
        if facts_a is guards.INFEASIBLE:
            frame.vars, self.state = b_vars, b_state
            return True
        if facts_b is guards.INFEASIBLE:
            frame.vars, self.state = a_vars, a_state
            return True
        if ok_a and ok_b and any(f[0] == "grad" for f in facts_a + facts_b):
            # grad mode set by the test holds inside the branch only
            a_state.grad = b_state.grad = pre_state.grad
        if ok_a and ok_b:
            parts = {}
            # an inference-only arm (``if not self.training:``) leads to no backward: what the
            # other arm saved is saved on every path a backward follows
            idle = b_vars if any(f[0] == "inference" for f in facts_b) else \
                a_vars if any(f[0] == "inference" for f in facts_a) else None
            frame.vars = join_vars(a_vars, b_vars, a_state, b_state, parts, branch=mark, idle=idle)
            self.state = State.join(a_state, b_state, branches=None if idle is not None else mark)
            ends = flag_splits.branch_end(pre_state, a_state), flag_splits.branch_end(pre_state, b_state)
            if flag is not None and (parts or ends != (None, None)):
                flag_splits.remember_split(frame, flag, parts, ends)
            if parts:
                flag_splits.remember_flags_set(frame, parts)
        elif ok_a:
            frame.vars, self.state = a_vars, a_state
        elif ok_b:
            frame.vars, self.state = b_vars, b_state
        else:
            frame.vars, self.state = join_vars(a_vars, b_vars, a_state, b_state), State.join(a_state, b_state)
            return False
        return True

    def branch_values(self, test, frame, body, orelse):
        """``body if test else orelse``: each arm on its own path, as an ``if`` runs its
        branches, so that what one arm saved is not seen by the other's result, and the
        test's facts hold in its arm (``x.square_() if in_place else x.square()``)."""
        facts = {truth: guards.refine(self, test, frame, truth) for truth in (True, False)}
        if all(f is guards.INFEASIBLE for f in facts.values()):
            facts = {True: [], False: []}
        pre_vars, pre_state = dict(frame.vars), self.state
        arms = []
        for expr, truth in ((body, True), (orelse, False)):
            if facts[truth] is guards.INFEASIBLE:
                continue
            frame.vars = dict(pre_vars)
            self.state = pre_state.branch()
            j = self.heap.begin()
            guards.apply(self, frame, facts[truth])
            v = self.eval(expr, frame)
            self.heap.end(j)
            if any(f[0] == "grad" for f in facts[truth]):
                self.state.grad = pre_state.grad  # grad mode set by the test holds inside the arm only
            arms.append((v, frame.vars, self.state, j))
        if len(arms) == 1:
            v, frame.vars, self.state, j = arms[0]
            self.heap.merge([(j, ())])
            return v
        (va, vars_a, sa, ja), (vb, vars_b, sb, jb) = arms
        a_only, b_only = sa.seen - sb.seen, sb.seen - sa.seen
        self.heap.merge([(ja, b_only), (jb, a_only)])
        frame.vars = join_vars(vars_a, vars_b, sa, sb)
        self.state = State.join(sa, sb)
        # each arm's value as seen after the join, still leading to the arm's own tensor
        out = join(hidden_linked(va, b_only), hidden_linked(vb, a_only))
        if isinstance(out, Tensor) and out.paths is True:
            out.paths = ("if", -1)  # the arms of an ``if`` (graph.use: no storage counted as older)
        return out

    def _loop(self, frame, bind, body, orelse, nonempty=False):
        # Two passes: the second sees what the first left (a save late in one
        # iteration against a mutation early in the next).  Unless the loop
        # surely runs (over the layers of a ModuleList, a non-empty literal),
        # zero iterations are possible: the result joins with the state before.
        pre_vars, pre_state = dict(frame.vars), self.state
        start = pre_state.seen
        self.loop_depth += 1
        header = self.cur_stmt
        passes = 2 if self.loop_depth <= TWO_PASS_LOOP_DEPTH else 1
        zero = None  # the variables and state if the loop does not run (see below)
        left = []  # the paths that broke out of a pass
        i = -1
        while i + 1 < passes:
            i += 1
            held = len(self.pending)
            earlier = self.state.seen - start  # the epochs of the passes before this one
            self.state = self.state.branch()
            self.cur_stmt = header
            j = self.heap.begin()
            bind(i, earlier)
            self.loop_earlier.append(earlier)
            # (continue paths, break paths, where the pass's journals begin)
            jumped = ([], [], (len(self.heap.journals) - 1, len(self.heap.fact_journals)))
            self.loop_jumps.append(jumped)
            try:
                ok = self.exec_block(body, frame)
            finally:
                self.loop_earlier.pop()
                self.loop_jumps.pop()
            if jumped[0]:
                # what a ``continue`` path wrote (``self.last = h`` or ``outs.append(h)`` before
                # it) goes round too: the branches it left had put it back
                self.heap.join_in([snap for _, _, snap in jumped[0]], current=ok)
            self.heap.end(j)
            left.extend(jumped[1])
            # the next iteration starts from the paths that go round: the body's end and each
            # ``continue`` (not a ``return``, ``break`` or ``raise``: mmdet3d's loss returns
            # from the loop's first iteration, and nothing runs after what it saved)
            rounds = ([(frame.vars, self.state)] if ok else []) + [(v, st) for v, st, _ in jumped[0]]
            if not rounds:
                frame.vars, self.state = dict(pre_vars), pre_state.branch()
                if zero is None and not nonempty:
                    zero = (pre_vars, pre_state)
                break
            frame.vars, self.state = _join_paths(rounds)
            if nonempty and i == 0 and passes == 2:
                self.heap.merge([(j, ())])
                pre_vars, pre_state = dict(frame.vars), self.state
                continue
            # attributes after a pass: as before it, or as the pass left them
            self.heap.merge([(j, self.state.seen - pre_state.seen), (Journal(), ())])
            if i == 0 and passes == 2:
                # The second pass is a later iteration: its variables are what the first
                # left (``h`` is the previous iteration's tanh output there, not "h0 or
                # that"); that the loop may not run at all is joined in after it.
                zero = (pre_vars, pre_state)
                pre_vars, pre_state = dict(frame.vars), self.state
                continue
            frame.vars, self.state = _join_paths([(pre_vars, pre_state), (frame.vars, self.state)])
            if i == 1 and passes == 2 and len(self.pending) > held:
                # The second pass left writes held for a later backward (a step after
                # backward(retain_graph=True) on a graph the next iteration reaches):
                # one more iteration decides them.
                passes = 3
        self.loop_depth -= 1
        if zero is not None:
            frame.vars, self.state = _join_paths([zero, (frame.vars, self.state)])
        if orelse is not None:
            self.exec_block(self._body(orelse), frame)
        if left:
            frame.vars, self.state = _join_paths([(frame.vars, self.state)] + [(v, st) for v, st, _ in left])
            self.heap.join_in([snap for _, _, snap in left])
        return True

    def _for(self, node, frame):
        it = self.eval(node.iter, frame)
        if isinstance(it, Seq) and it.items is None and it.nonempty and self.funcs and \
                self.funcs[-1].node.name.value == "__init__":
            # a constructor's ``for i in range(depth): layers += [Linear(...), act()]`` runs once
            # per number, as the program does: the Sequential it builds has a known last layer.
            # (Not other loops: a joined loop's second pass is what names a save "in the
            # previous iteration".)
            numbers = self._short_range(node.iter, frame, UNROLLED_RANGE)
            it = Seq(items=numbers) if numbers else it
        few = constant_items(it) is not None or named_tensors(it) or config_items(it) is not None
        memo = self._jumps
        unrolled = torch_layers(it) and not jumps(node.body, memo=memo) or \
            few and not jumps(node.body, or_sets_attributes=True, memo=memo) or \
            few and len(self.heap.journals) <= self.exact_depth and not jumps(node.body, memo=memo)
        if unrolled:
            # ``for layer in self.layers: x = layer(x)`` over torch's own layers is a
            # Sequential: run the body once per layer, in order (a joined layer would
            # apply an in-place ReLU right after the ReLU of the previous iteration).
            # (Not a loop over constants: ``for n in ("conv3", "act3"): setattr(self, n,
            # nn.Identity())`` in a model-surgery method then replaces each attribute on
            # its own, and the instance's attributes, joined one by one with what they
            # were, pair a replaced layer with a kept one: timm xception; it does where no
            # branch or loop is open, so that no join follows: ``for name in ("body.0",
            # "head"): setattr(parent, leaf, LoRALinear(getattr(parent, leaf)))``.  A loop over a
            # few constants that sets no attribute runs once per item, as a comprehension:
            # ``for name in self.clip_fields: clip_(fields[name])``.)
            for layer in it.items:
                self.assign(node.target, layer, frame, node.iter)
                if self.exec_block(self._body(node), frame) is False:
                    return False
            if node.orelse is not None:
                self.exec_block(self._body(node.orelse), frame)
            return True
        elem = self.iterate(it)
        # The elements of a list are different tensors: what one iteration saved
        # of its element is not the next iteration's element (unless they are
        # views of one tensor, which share its version counter).
        # (Also the tensors in the tuples of enumerate() and zip() over lists.)
        def distinct(v):
            return isinstance(it, Seq) and isinstance(v, Tensor) and \
                not any(m.base is not None for m in (v.members or [v]))

        def element(earlier):
            if not earlier:
                return elem
            if isinstance(elem, Seq) and elem.is_tuple and elem.items is not None:
                return Seq(items=[hidden(v, earlier) if distinct(v) else v for v in elem.items], is_tuple=True)
            return hidden(elem, earlier) if distinct(elem) else elem

        counter, stop = self._loop_counter(node)
        first, later = guards.First(stop), guards.Later(stop, Storage().id)

        def bind(i, earlier):
            self.assign(node.target, element(earlier), frame, node.iter)
            if counter is not None:
                # the first pass is the first iteration (index 0), the second a later one
                later.earlier = frozenset(earlier)
                later.pass_mark = Storage().id
                frame.vars[counter] = Const(first if i == 0 else later)

        self.each_loops.append((frame, elem, node))
        try:
            return self._loop(frame, bind, self._body(node), node.orelse, nonempty=nonempty(it))
        finally:
            self.each_loops.pop()

    def _loop_counter(self, node):
        """The name bound to 0, 1, 2, ... by ``for i in range(n)`` / ``for i, x in enumerate(xs)``,
        or to n - 1, ..., 0 by ``for i in reversed(range(n))`` (with ``n``'s expression, if it
        names a value: see guards.First); (None, None) for other loops."""
        call = node.iter
        if type(call) is not cst.Call or type(call.func) is not cst.Name:
            return None, None
        name = call.func.value
        if self.globals.lookup(name) is not None:
            return None, None  # shadowed
        if name == "reversed" and len(call.args) == 1 and type(node.target) is cst.Name:
            inner = call.args[0].value
            if type(inner) is cst.Call and type(inner.func) is cst.Name and inner.func.value == "range" and \
                    len(inner.args) == 1 and self.globals.lookup("range") is None and _dotted(inner.args[0].value):
                return node.target.value, inner.args[0].value
            return None, None
        if name == "range" and type(node.target) is cst.Name and counts_down(call):
            return node.target.value, call.args[0].value.left  # range(n - 1, -1, -1)
        if name == "range" and type(node.target) is cst.Name and call.args and len(call.args) <= 3 and (
                len(call.args) == 1 or type(call.args[0].value) is cst.Integer and call.args[0].value.value == "0"):
            return node.target.value, None
        if name == "enumerate" and len(call.args) == 1 and type(node.target) is cst.Tuple and \
                node.target.elements and type(node.target.elements[0].value) is cst.Name:
            return node.target.elements[0].value.value, None
        return None, None

    def _while(self, node, frame):
        return self._loop(frame, lambda i, earlier: self.eval(node.test, frame), self._body(node), node.orelse)

    def _with(self, node, frame):
        saved = (self.state.grad, self.state.hooked, self.amp, self.cast)
        # what the block entered: (object, item) runs its class's __exit__ after the body,
        # (entered generator, None) the code after a @contextmanager's yield
        exits = []
        for item in node.items:
            call, gen = item.item, None
            if type(call) is cst.Call:  # (the callee evaluated once: a property may run)
                func = self.eval(call.func, frame)
                gen = self.enter_generator(func, call, frame)
                if gen is None:
                    v = self._call(call, frame, func)
            else:
                v = self.eval(call, frame)
            if gen is not None:
                v, entered = gen
                exits.append((entered, None))
            # ops may compute in a lower precision here (autocast.py)
            self.amp, self.cast = enter_region(v, _dotted(call.func if type(call) is cst.Call else call),
                                               self.amp, self.cast)
            if isinstance(v, GradCtx):
                self.grad_version += 1
                if v.hooks:
                    self.state.hooked = True
                elif v.enabled is not None or saved[0] is not None:
                    self.state.grad = v.enabled
            entered = self.enter_context(v, item.item) if gen is None else None
            if entered is not None:
                exits.append((v, item.item))
                v = entered
            if item.asname is not None:
                self.assign(item.asname.name, v if not isinstance(v, GradCtx) else Const(None), frame, item.item)
        ok = self.exec_block(self._body(node), frame)
        for v, at in reversed(exits):
            if at is None:
                self.exit_generator(v)
            else:
                self.exit_context(v, at)
        self.state.grad, self.state.hooked, self.amp, self.cast = saved
        self.grad_version += 1
        return ok

    def _try(self, node, frame):
        pre_vars, pre_state = dict(frame.vars), self.state.copy()
        ok = self.exec_block(self._body(node), frame)
        for h in node.handlers:
            post_vars, post_state = frame.vars, self.state
            frame.vars = join_vars(pre_vars, post_vars, pre_state, post_state)
            self.state = State.join(pre_state, post_state)
            ok = self.exec_block(self._body(h), frame) or ok
        if node.orelse is not None:
            self.exec_block(self._body(node.orelse), frame)
        if node.finalbody is not None:
            self.exec_block(self._body(node.finalbody), frame)
        return ok  # (falls through when the body or a handler does)

    def _match(self, node, frame):
        got = self._matches.get(id(node))
        if got is None:
            got = self._matches[id(node)] = matching.desugar(node)  # (kept: the nodes are reused)
        self.exec_block([got[0]], frame)
        return self._if(got[1], frame)

    def _funcdef(self, node, frame):
        closure = scope_opened(self, frame) if frame is not self.globals else None
        func = Func(node, closure=closure, grad=self._decorated_grad(node, None))
        frame.vars[node.name.value] = func
        self._run_decorators(node, func, frame)
        return True

    def _returned(self, node, frame):
        if node is None:
            return Const(None)
        if type(node) is cst.Name and frame.func is not None:
            v = frame.lookup(node.value)
            if isinstance(v, Tensor):
                return v  # a local handed to the caller, who decides whether it is used (bind_name)
        return self.eval(node, frame)


# What runs each kind of statement and expression: plain functions of the class, called with
# the interpreter (tables of its bound methods, built per instance, made every interpreter a
# reference cycle: the cyclic collector, not reference counting, then freed it and everything
# its analysis left, about half of the objects a scan's collections walked)
_STMT = {
    cst.SimpleStatementLine: Interpreter._simple_line, cst.If: Interpreter._if, cst.For: Interpreter._for,
    cst.While: Interpreter._while, cst.With: Interpreter._with, cst.Try: Interpreter._try,
    cst.TryStar: Interpreter._try, cst.FunctionDef: Interpreter._funcdef, cst.ClassDef: Interpreter._classdef,
    cst.Match: Interpreter._match,
    # the small statements of a one-line suite: ``if c: x.add_(1)``
    **dict.fromkeys((cst.Expr, cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return, cst.Raise, cst.Break,
                     cst.Continue, cst.Assert, cst.Import, cst.ImportFrom), Interpreter._small),
}
Interpreter._expr = {getattr(cst, k): v for k, v in {
    "Name": Interpreter._name, "Attribute": Interpreter._attribute, "Call": Interpreter._call,
    "Subscript": Interpreter._subscript, "BinaryOperation": Interpreter._binop, "UnaryOperation": Interpreter._unaryop,
    "BooleanOperation": Interpreter._boolop, "Comparison": Interpreter._compare, "IfExp": Interpreter._ifexp,
    "Tuple": Interpreter._tuple, "List": Interpreter._list, "Set": Interpreter._list, "Dict": Interpreter._dict,
    "ListComp": Interpreter._comp, "GeneratorExp": Interpreter._comp, "SetComp": Interpreter._comp,
    "DictComp": Interpreter._dictcomp, "NamedExpr": Interpreter._namedexpr,
    "Await": lambda self, n, f: self.eval(n.expression, f), "Integer": Interpreter._number,
    "Float": Interpreter._number, "Imaginary": lambda self, n, f: Const(0j), "SimpleString": Interpreter._string,
    # strings whose text is not kept: some constant, not a known one
    "ConcatenatedString": lambda self, n, f: UNKNOWN_CONST, "FormattedString": Interpreter._fstring,
    "Lambda": lambda self, n, f: LambdaFn(n, scope_opened(self, f)), "Ellipsis": lambda self, n, f: Const(Ellipsis),
    "Yield": Interpreter._yield, "StarredElement": lambda self, n, f: self.eval(n.value, f),
}.items()}


def _join_paths(paths):
    """The variables and state of several paths that meet: (variables, state) pairs."""
    vars_, state = paths[0]
    for v, st in paths[1:]:
        vars_, state = join_vars(vars_, v, state, st), State.join(state, st)
    return vars_, state


def _count_statements(module):
    # cheap size measure for the inlining budget: top-level and class bodies
    n = 0
    for s in module.body:
        n += 1
        if isinstance(s, (cst.FunctionDef, cst.ClassDef)):
            n += len(s.body.body) * 4
    return n
