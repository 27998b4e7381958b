"""Rules about tensors that autograd saved for backward."""
from __future__ import annotations

from .base import (ERROR, WARNING, Rule, Verdict, alias_doubt, context_suffix, describe_save, save_cause,
                   save_related)


def _live(ev, hooked):
    return [s for s in ev.saves if s.hooked == hooked]


def _best(saves):
    """The save to name: a certain one, and one from the same iteration before one from the previous."""
    certain = [s for s in saves if s.certain]
    pool = sorted(certain or saves, key=lambda s: bool(getattr(s, "previous", False)))
    return pool[0], bool(certain)


class SavedTensorModified(Rule):
    code = "IPL001"
    name = "saved-tensor-modified"
    summary = "A tensor saved for backward is modified in place before backward runs"
    doc = """\
## What it does
Finds in-place operations (`y.mul_(2)`, `y += 1`, `y[i] = v`, `nn.ReLU(inplace=True)`,
`F.relu(y, inplace=True)`, `optimizer.step()`) on a tensor that an earlier differentiable op
saved for its backward pass, while that graph is still waiting for `backward()`.

The check follows the tensor through views and aliases (`view`, `reshape`, slicing, `detach()`,
`transpose`, ...: they share one version counter) and across functions and `nn.Module` methods of
the same file.

## Why is this bad?
Autograd stores a version number with every tensor it saves.  An in-place op bumps the
version; at `backward()` torch compares and raises:

```
RuntimeError: one of the variables needed for gradient computation has been modified by an
inplace operation: [torch.FloatTensor [4, 8]], which is output 0 of SigmoidBackward0, is at
version 1; expected version 0 instead.
```

The error fires far from the line that caused it and names neither that line nor the op that
saved the tensor.  This rule names both.

Which ops save what comes from torch itself (`derivatives.yaml` and experiments, see
`tools/gen_knowledge.py`): `sigmoid`, `tanh`, `exp`, `relu`, `softmax` save their output;
`mul`, `matmul`, `Linear`, `Conv*`, `LayerNorm`, `BatchNorm` save their inputs; `add`,
`interpolate`, `dropout` save neither.

## Example
```python
y = torch.sigmoid(x)     # sigmoid saves its output y
y.mul_(2)                # IPL001: y modified in place
y.sum().backward()
```

## Use instead
```python
y = torch.sigmoid(x)
y = y * 2                # out-of-place: a new tensor, the saved one is untouched
```

## Severity
*error* when the save certainly happened (an input of the saving op certainly requires grad)
and the modified object certainly is the saved tensor; *warning* when either is only possible:
a function argument of unknown origin, a value that is saved on one branch of an `if` only, a
save that depends on argument values (`F.interpolate(mode="area")`), an alias that exists only
for some dtypes (`.float()`).  Aliasing follows torch's defaults: tensors live on the CPU, so
`.cpu()`, `.contiguous()` and `.to(device)` return the tensor itself.  A save whose op output is
never used by anything that could backpropagate is ignored: `torch.sigmoid(x).detach()`, an output
that only feeds integer results (`torch.max(d, dim=1)[1]`, `argmin`), a value discarded as `_`.
After `backward(retain_graph=True)`, a save of that graph matters only if a later `backward()`
reaches it (the actor-critic bug: `critic_opt.step()` between two backwards through one forward).
Integer and bool tensors never require grad; the code's own guards (`if x.requires_grad:`,
`torch.is_grad_enabled()`, `if not self.training:`, `assert not x.requires_grad`) rule paths out.

## Fix safety
`--fix` rewrites `y.mul_(2)` to `y = y.mul(2)` and `y += z` to `y = y + z`.  The fix is unsafe when
another name refers to the same tensor and expects to see the change (a view, an argument, an
attribute).  Note that `y += z` keeps `y`'s dtype while `y = y + z` may promote it.

## Options
None.  Suppress a line with `# noqa: IPL001`.

## References
- PyTorch autograd mechanics: "In-place correctness checks"
- `torch.autograd.graph.saved_tensors_hooks`
"""
    VALID = (
        "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny = y * 2\n",
        "import torch\nimport torch.nn.functional as F\nx = torch.randn(1, 3, 4, 4, requires_grad=True)\n"
        "up = F.interpolate(x * 2, scale_factor=2)\nup += 1\n",
        "import torch\nw = torch.randn(3, requires_grad=True)\nloss = (w * 2).sum()\nloss.backward()\n"
        "with torch.no_grad():\n    w -= 0.1 * w.grad\n",
    )
    INVALID = (
        "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n",
        "import torch\na = torch.randn(3, requires_grad=True)\nb = torch.randn(3)\ny = a * b\nb.add_(1)\n",
        "import torch\nimport torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.act = nn.ReLU(inplace=True)\n        self.fc = nn.Linear(4, 4)\n\n"
        "    def forward(self, x):\n        return self.act(torch.sigmoid(self.fc(x)))\n",
    )

    def judge(self, ev):
        if ev.via_data:
            return None
        saves = _live(ev, hooked=False)
        if not saves:
            return None
        s, certain = _best(saves)
        if not certain and (not ev.is_tensor or ev.unknown_origin):
            return None  # neither the save nor the tensor is known: too weak even for a warning
        # an error needs the modified object to be a tensor: a value of unknown type
        # (a numpy array a torch op converted into a new tensor) only may be
        severe = certain and ev.alias_certain and ev.is_tensor
        if ev.kind == "step":
            msg = (f"`{ev.target}` updates parameters in place that {describe_save(s)} saved for a backward "
                   f"that has not run yet; backward will raise 'modified by an inplace operation'"
                   f" (call backward() before {ev.op}())")
        else:
            msg = (f"`{ev.target}` is modified in place by `{ev.op}` but {describe_save(s)} saved it for "
                   f"backward; backward will raise 'one of the variables needed for gradient computation "
                   f"has been modified by an inplace operation'")
            if not ev.alias_certain:
                msg += alias_doubt(ev)
            elif not certain and s.cast:
                msg += (" (unless autocast saved a cast copy instead: that depends on whether autocast is on"
                        " and on the tensor's dtype)")
            elif not certain:
                msg += (" (if that op saved it on the path taken: it depends on a branch or on whether its"
                        " inputs require grad)")
        return Verdict(ERROR if severe else WARNING, msg + context_suffix(ev), save_related(ev, saves),
                       save_cause(ev, s))


class DataWriteToSaved(Rule):
    code = "IPL004"
    name = "data-write-to-saved-tensor"
    summary = "A write through .data changes a tensor saved for backward: gradients are silently wrong"
    doc = """\
## What it does
Finds in-place writes through `.data` (`p.data.mul_(s)`, `x.data[0] = 0`, `x.data.copy_(y)`) to
a tensor that an op of a still-pending graph saved for backward, and rebinds of its data
(`p.data = p.data.clamp(0)`) when an op kept the tensor as an input: torch keeps an input as the
tensor itself, which then holds the new memory (an op's kept output is a separate tensor of the
old memory, which a rebind leaves as it was).

## Why is this bad?
`.data` returns a tensor that shares the memory but **not** the version counter, so autograd
never learns of the write: no error is raised, and `backward()` computes gradients from the
modified values — silently wrong gradients.  Writes through `.data` are fine when no graph that
saved the tensor is waiting for backward (for instance weight clipping after
`optimizer.step()`).

## Example
```python
out = model(x)                      # Linear saves its weight
model.fc.weight.data.clamp_(-1, 1)  # IPL004: backward will use the clamped weight
out.sum().backward()
```

## Use instead
Call `backward()` (and `step()`) first, then modify the weights under `torch.no_grad()`:
```python
out.sum().backward()
with torch.no_grad():
    model.fc.weight.clamp_(-1, 1)
```

## Fix safety
No automatic fix.

## Options
None.
"""
    VALID = (
        "import torch\nimport torch.nn as nn\nfc = nn.Linear(2, 2)\nloss = fc(torch.randn(1, 2)).sum()\n"
        "loss.backward()\nfc.weight.data.clamp_(-1, 1)\n",
    )
    INVALID = (
        "import torch\nimport torch.nn as nn\nfc = nn.Linear(2, 2)\nx = torch.randn(1, 2, requires_grad=True)\n"
        "out = fc(x)  # keeps the weight for x's gradient\nfc.weight.data.clamp_(-1, 1)\nout.sum().backward()\n",
    )

    def judge(self, ev):
        if not ev.via_data or not ev.saves:
            return None
        s, certain = _best(ev.saves)
        if ev.op == ".data =":
            msg = (f"`{ev.target} = ...` replaces the data of a tensor that {describe_save(s)} saved for "
                   f"backward; autograd does not see the change and gradients will be silently wrong")
        else:
            msg = (f"`{ev.target}` writes through `.data` to a tensor that {describe_save(s)} saved for "
                   f"backward; autograd does not see the write and gradients will be silently wrong")
        return Verdict(ERROR if certain and ev.alias_certain else WARNING, msg + context_suffix(ev),
                       save_related(ev, ev.saves), save_cause(ev, s))


class HookedSaveModified(Rule):
    code = "IPL005"
    name = "saved-tensor-modified-under-hooks"
    summary = "A tensor saved inside saved_tensors_hooks/save_on_cpu is modified in place: torch skips its check"
    doc = """\
## What it does
Finds in-place modification of a tensor that was saved for backward inside a
`torch.autograd.graph.saved_tensors_hooks(...)` or `torch.autograd.graph.save_on_cpu()` region.

## Why is this bad?
When pack/unpack hooks are installed, autograd hands the saved tensor to the hook and does not
run its version check on what the hook returns.  A hook that keeps a reference sees the
modified values and backward silently computes wrong gradients; a hook that copies
(`save_on_cpu`) hides a bug that raises as soon as the hooks are removed.

## Example
```python
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = torch.sigmoid(x)
    y.mul_(2)            # IPL005
y.sum().backward()
```

## Use instead
```python
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = torch.sigmoid(x)
    y = y * 2
```

## Fix safety
Same rewrite as IPL001.

## Options
None.
"""
    VALID = (
        "import torch\nx = torch.randn(3, requires_grad=True)\n"
        "with torch.autograd.graph.save_on_cpu():\n    y = torch.sigmoid(x)\n    z = y * 2\n",
    )
    INVALID = (
        "import torch\nx = torch.randn(3, requires_grad=True)\n"
        "with torch.autograd.graph.save_on_cpu():\n    y = torch.sigmoid(x)\n    y.mul_(2)\n",
    )

    def judge(self, ev):
        if ev.via_data:
            return None
        saves = _live(ev, hooked=True)
        if not saves:
            return None
        s, certain = _best(saves)
        msg = (f"`{ev.target}` is modified in place by `{ev.op}` but {describe_save(s)} saved it inside a "
               f"saved-tensor-hooks region, where torch does not check versions: gradients may be silently wrong")
        return Verdict(ERROR if certain and ev.alias_certain else WARNING, msg + context_suffix(ev),
                       save_related(ev, saves), save_cause(ev, s))
