"""Rules about what may not be modified in place at all: leaves and some views."""
from __future__ import annotations

from .base import ERROR, WARNING, Related, Rule, Verdict, alias_doubt, context_suffix, leaf_advice, tensor_cause


def _grade(*facts):
    """error when every fact is True, warning when none is False, else no finding."""
    if any(f is False for f in facts):
        return None
    return ERROR if all(f is True for f in facts) else WARNING


class LeafModified(Rule):
    code = "IPL002"
    name = "leaf-requiring-grad-modified"
    summary = "A leaf tensor that requires grad is modified in place while grad is enabled"
    doc = """\
## What it does
Finds in-place operations with grad mode on, on a leaf tensor that requires grad: tensors
created with `requires_grad=True`, `x.requires_grad_()` on a fresh tensor, `nn.Parameter`s and
module weights (also through `model.parameters()`, `copy.deepcopy(model)` and aliases), and
tensor-indexed assignment into them (`w[idx] = 0`).

## Why is this bad?
Torch refuses at the op:

```
RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
```

Typical cases: an EMA/mean teacher updated with `mul_`/`add_` outside `torch.no_grad()`, a
loss accumulator made with `torch.zeros(1, requires_grad=True)` and updated with `+=`, a
gradient-penalty input clamped after `requires_grad_(True)`.

## Example
```python
for t_p, s_p in zip(teacher.parameters(), student.parameters()):
    t_p.mul_(0.99).add_(s_p.detach(), alpha=0.01)   # IPL002
```

## Use instead
```python
with torch.no_grad():
    for t_p, s_p in zip(teacher.parameters(), student.parameters()):
        t_p.mul_(0.99).add_(s_p, alpha=0.01)
```
or freeze the teacher (`teacher.requires_grad_(False)`).

## Severity
*error* when the tensor certainly is a leaf that requires grad and grad is certainly on;
*warning* when one of these is only possible.

## Fix safety
No automatic fix: wrapping in `torch.no_grad()` changes what is recorded.

## Options
None.
"""
    VALID = (
        "import torch\nw = torch.zeros(3, requires_grad=True)\nwith torch.no_grad():\n    w.add_(1)\n",
        "import torch\nacc = torch.zeros(1)\nacc += torch.randn(1, requires_grad=True).sum()\n",
    )
    INVALID = (
        "import torch\nacc = torch.zeros(1, requires_grad=True)\nacc += 1\n",
        "import torch\nimport torch.nn as nn\nfc = nn.Linear(2, 2)\nfor p in fc.parameters():\n    p.mul_(0.5)\n",
    )

    def judge(self, ev):
        if ev.via_data or ev.kind in ("step", "out"):
            return None
        if ev.view is not None or (ev.kind == "setitem" and ev.basic_index):
            return None  # a view of a leaf: IPL003
        sev = _grade(ev.grad_enabled, ev.requires_grad, ev.is_leaf)
        if sev is None or ev.requires_grad is not True:
            return None
        if ev.is_leaf is None and ev.grad_enabled is not True:
            return None
        msg = (f"`{ev.target}` is a leaf tensor that requires grad and `{ev.op}` modifies it in place with grad "
               f"enabled; torch raises 'a leaf Variable that requires grad is being used in an in-place "
               f"operation'" + leaf_advice(ev))
        return Verdict(sev, msg + context_suffix(ev), cause=tensor_cause(ev, "leaf"))


# views whose in-place modification torch refuses whatever was saved:
# (what the tensor is, the end of torch's message, the cause's name)
_REFUSED_VIEWS = {
    "multi": ("an output of a multi-output view function (unbind/split/chunk or iteration over a tensor)",
              " ... returns multiple views", "multi-output view"),
    "custom": ("a view returned by a custom autograd Function (its forward returns its input or a view of it, "
               "or the module that made it has a full backward hook)",
               ". This view was created inside a custom Function", "custom Function view"),
}


class ViewModified(Rule):
    code = "IPL003"
    name = "forbidden-view-modified"
    summary = ("An output of unbind/split/chunk, a view of a leaf, a no_grad view or a custom Function's view "
               "is modified in place")
    doc = """\
## What it does
Finds in-place operations, with grad mode on, on views that autograd cannot rebase:
- an output of a multi-output view function (`unbind`, `split`, `chunk`, iterating over a
  tensor) of a tensor that requires grad: `q, k, v = qkv.chunk(3); q *= scale`;
  `for h in hidden.unbind(0): h.mul_(keep)`; `for c in img: c.mul_(s)`;
- a view of a leaf that requires grad: `p.chunk(4)[1].fill_(1)`, `emb.weight[PAD].zero_()`,
  `w[0] = 1` on a parameter;
- a view created under `torch.no_grad()`, modified after grad is enabled again, when it is a
  view of a tensor that requires grad or the value written in requires grad (a no-grad slot of a
  queue buffer filled with live embeddings: `self._slot(n).copy_(z)`);
- the output of a custom `autograd.Function` whose forward returns its input or a view of it
  (`x.view_as(x)` in a gradient-reversal layer), and the output of a module that has a full
  backward hook (`register_full_backward_hook`): `GradReverse.apply(x).relu_()`, or an
  `nn.ReLU(inplace=True)` right after a hooked layer;
- any view detached in place, whatever the grad mode: `h = out[-1:]; h.detach_()` (truncated
  backpropagation through time carrying a slice of the output as the state).

## Why is this bad?
Torch raises at the op, e.g.

```
RuntimeError: Output 0 of UnbindBackward0 is a view and is being modified inplace. This view is
the output of a function that returns multiple views. Such functions do not allow the output
views to be modified inplace.
RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.
RuntimeError: Can't detach views in-place. Use detach() instead.
```

## Example
```python
q, k, v = self.to_qkv(x).chunk(3, dim=-1)
q *= self.scale          # IPL003
```

## Use instead
```python
q, k, v = self.to_qkv(x).chunk(3, dim=-1)
q = q * self.scale
```
For parameters, modify them under `torch.no_grad()`.

## Fix safety
`--fix` rewrites augmented assignments and trailing-underscore methods to their out-of-place
forms where the result is rebound to the same name (unsafe when the base tensor was meant to
change).

## Options
None.
"""
    VALID = (
        "import torch\nx = torch.randn(6, requires_grad=True) * 1\nq, k, v = x.chunk(3)\nq = q * 2\n",
        "import torch\nimport torch.nn as nn\nemb = nn.Embedding(4, 2)\nwith torch.no_grad():\n"
        "    emb.weight[0].zero_()\n",
        "import torch\nout = torch.randn(5, 2, 3)\nh = out[-1:].clone()\nh.detach_()\n",
    )
    INVALID = (
        "import torch\nx = torch.randn(6, requires_grad=True) * 1\nq, k, v = x.chunk(3)\nq *= 2\n",
        "import torch\nimport torch.nn as nn\nemb = nn.Embedding(4, 2)\nemb.weight[0].zero_()\n",
        "import torch\nw = torch.randn(4, requires_grad=True)\nw[0] = 1.0\n",
        "import torch\nout = torch.randn(5, 2, 3)\nh = out[-1:]\nh.detach_()\n",
    )

    def judge(self, ev):
        if ev.kind == "detach":
            msg = (f"`{ev.target}` is a view and `detach_()` detaches it in place; torch raises \"Can't detach "
                   f"views in-place. Use detach() instead\"")
            return Verdict(ERROR if ev.alias_certain else WARNING, msg + context_suffix(ev),
                           cause=tensor_cause(ev, "view detached in place"))
        if ev.via_data or ev.kind in ("step", "out"):
            return None
        if ev.view in _REFUSED_VIEWS:
            sev = _grade(ev.grad_enabled, ev.view_base_requires_grad)
            if sev is None or (ev.view_base_requires_grad is None and ev.grad_enabled is not True):
                return None
            what, raises, cause = _REFUSED_VIEWS[ev.view]
            if not ev.alias_certain:
                sev = WARNING  # it may be a copy instead (``piece.contiguous()``, ``piece.float()``)
            msg = (f"`{ev.target}` is {what} and `{ev.op}` modifies it in place; torch raises '... is a view and "
                   f"is being modified inplace{raises}'")
            if not ev.alias_certain and getattr(ev, "alias_op", None):
                msg += alias_doubt(ev)  # (an index of unknown kind: ``kpts[keep_idxs]``)
            return Verdict(sev, msg + context_suffix(ev), cause=tensor_cause(ev, cause))
        if ev.view == "nograd":
            # refused when the write must be recorded: the base requires grad, or what is
            # written in does (a no_grad slice of a buffer filled with live embeddings)
            writes_grad = ev.out_inputs_requires_grad is True and ev.view_base_requires_grad is not True
            sev = _grade(ev.grad_enabled, True if writes_grad else ev.view_base_requires_grad)
            if sev is None or ev.grad_enabled is not True:
                return None
            if writes_grad:
                msg = (f"`{ev.target}` is a view created in no_grad mode and `{ev.op}` writes into it, with grad "
                       f"enabled, a value that requires grad; torch raises '... was created in no_grad mode and "
                       f"is being modified inplace with grad mode enabled'")
            else:
                msg = (f"`{ev.target}` is a view created in no_grad mode of a tensor that requires grad, and "
                       f"`{ev.op}` modifies it in place with grad enabled; torch raises '... was created in "
                       f"no_grad mode and is being modified inplace with grad mode enabled'")
            return Verdict(sev, msg + context_suffix(ev), cause=tensor_cause(ev, "no_grad view"))
        if ev.view == "single":
            if ev.view_base_is_leaf is not True:
                return None
            sev = _grade(ev.grad_enabled, ev.view_base_requires_grad)
        elif ev.kind == "setitem" and ev.basic_index:
            sev = _grade(ev.grad_enabled, ev.requires_grad, ev.is_leaf)
            if ev.is_leaf is not True or ev.requires_grad is not True:
                return None
        else:
            return None
        if sev is None or ev.grad_enabled is not True and sev == WARNING and ev.view_base_requires_grad is None:
            return None
        msg = (f"`{ev.target}` is a view of a leaf tensor that requires grad and `{ev.op}` modifies it in place "
               f"with grad enabled; torch raises 'a view of a leaf Variable that requires grad is being used in "
               f"an in-place operation'" + leaf_advice(ev))
        return Verdict(sev, msg + context_suffix(ev), cause=tensor_cause(ev, "view of a leaf"))


class OutArgRequiresGrad(Rule):
    code = "IPL006"
    name = "out-argument-with-grad"
    summary = "out= is passed to an op whose inputs require grad"
    doc = """\
## What it does
Finds calls with an `out=` argument whose tensor inputs require grad while grad mode is on.
Where the buffer is a parameter that defaults to None (`def q(self, x, out=None)`) and the
function is judged without a caller, the finding is a warning: a caller that passes a buffer
with grad on is reported as an error along its call.

## Why is this bad?
Ops writing into `out=` are not differentiable; torch raises at the op:

```
RuntimeError: add(): functions with out=... arguments don't support automatic differentiation,
but one of the arguments requires grad.
```

## Example
```python
torch.add(a, b, out=buf)      # IPL006 when a or b requires grad
```

## Use instead
```python
buf = torch.add(a, b)
```

## Fix safety
No automatic fix.

## Options
None.
"""
    VALID = (
        "import torch\nbuf = torch.empty(3)\ntorch.add(torch.ones(3), torch.ones(3), out=buf)\n",
    )
    INVALID = (
        "import torch\nbuf = torch.empty(3)\na = torch.ones(3, requires_grad=True)\ntorch.add(a, a, out=buf)\n",
    )

    def judge(self, ev):
        if ev.kind != "out":
            return None
        sev = _grade(ev.out_inputs_requires_grad, ev.grad_enabled)
        if sev is None or ev.out_inputs_requires_grad is not True:
            return None
        msg = ("`out=` receives the result of an op whose inputs require grad; torch raises \"functions with "
               "out=... arguments don't support automatic differentiation\"")
        if not ev.alias_certain:
            # a parameter that defaults to None, judged with no caller: when one passes a buffer
            sev, msg = WARNING, msg + " (when a caller passes a tensor for `out`)"
        return Verdict(sev, msg + context_suffix(ev))


del Related
