"""What autograd knows, as data: which ops save what, which return views.

The data file ``torch_ops.json`` beside this module is written by
``tools/gen_knowledge.py`` from an installed torch (its version is recorded in
the file).  This module only reads JSON; the static linter never imports torch.

File format (all keys are plain JSON)::

    {
      "torch_version": "2.13.0",
      "generator": "tools/gen_knowledge.py",
      "functions": {
        "<qualified name>": {
          "params": ["input", "other", ...],  # positional parameter names; a
                                              # Tensor method lists "self" first
          "saves": ["input", "result"],       # params and/or outputs saved for
                                              # backward when the output requires grad:
                                              # "result" is the primary output (output
                                              # 0, or the single returned tensor),
                                              # "result1", "result2" ... the others in
                                              # the order returned (torch.topk saves
                                              # its indices: "result1", not "result")
          "view": null | "single" | "multi",  # output aliases params[0];
                                              # "multi": unbind/split/chunk-like
          "maybe_alias": false,               # may return params[0] itself
                                              # (.to, .float, .contiguous, ...)
          "inplace": false,                   # mutates params[0] (bumps its version)
          "differentiable": true              # false: output never requires grad
        }
      },
      "modules": {
        "torch.nn.Linear": {
          "saves": ["input", "weight"],       # "input" (forward arg 0), "result"
                                              # (output 0; "result1" ... the others,
                                              # flattened in order: LSTM's output,
                                              # h, c), and parameter attribute names
          "params": ["weight", "bias"],       # parameter attributes it creates
          "inplace_kw": false,                # constructor accepts inplace=
          "view": null | "single" | "identity"  # output aliases the input
        }
      }
    }

Qualified names are ``torch.X``, ``torch.Tensor.X`` (methods),
``torch.nn.functional.X``, ``torch.linalg.X``, ``torch.special.X``,
``torch.fft.X`` and ``torch.nn.X`` for modules.

A parameter name starting with ``*`` is a varargs parameter (always the last of
"params"): it takes every remaining positional argument, or the one list or tuple
passed there (``torch.einsum(equation, *operands)``: ``einsum("ij,jk->ik", a, b)``
and ``einsum("ij,jk->ik", [a, b])``).  In "saves" it means each tensor passed
there; ``"saved_for": {"*operands": ["*operands"]}`` means each is kept for the
gradient of the *other* tensors passed there (einsum, chain_matmul: a lone operand
is kept for nothing).  Whether einsum keeps an operand itself or a reshaped copy
depends on its equation: engine/einsum.py reads a constant one.

Optional keys (absent means false / not applicable)::

    functions:
      "view_maybe_copy": true     # with "view": some calls copy instead (reshape,
                                  # flatten, __getitem__ with a tensor index)
      "harmless": true            # looks in-place (trailing "_", or autograd-state
                                  # methods such as retain_grad/register_hook) but
                                  # never bumps the version counter (requires_grad_,
                                  # detach_, share_memory_); "inplace" is false
      "saves_source": "experiment" | "derivatives.yaml" | "none"
                                  # where "saves" came from; "none": nothing could
                                  # be derived and "saves" is [] (unknown, not "none")
      "saved_for": {"other": ["input"], "input": ["other"]}
                                  # (experiment) saved name -> the params whose
                                  # requires_grad makes autograd save it, measured by
                                  # making only that param's tensors require grad
                                  # (torch.mul saves "other" for input's gradient and
                                  # "input" for other's; "result" may be a key, never a
                                  # value).  A name in "saves" but missing here: assume
                                  # saved whenever the output requires grad.
      "saves_sometimes": ["input"]
                                  # (experiment) saved names that some samples saved
                                  # and others did not under the same requires_grad
                                  # pattern and the same tensor/non-tensor arguments:
                                  # value- or shape-dependent ("may save"), e.g.
                                  # F.interpolate saves input only for mode="area",
                                  # matmul folds batched operands into copies
      "saves_by_default": ["input", "target"]
                                  # (experiment) names of "saves_sometimes" that every
                                  # sample passing only tensors kept (every optional
                                  # number/string argument at its default), under each
                                  # pattern where they are kept at all: a call passing
                                  # only tensors surely keeps them (smooth_l1_loss's
                                  # default beta=1.0 keeps its input; beta=0 nothing)
      "saves_unless": {"input": {"beta": [0]}}
                                  # (experiment) for names of "saves_sometimes": the
                                  # parameters whose values explain every contiguous,
                                  # non-empty sample that did not keep the name (each
                                  # such sample passed it one of these values, and a
                                  # sample that kept the name passed another value):
                                  # a call leaving each out or giving a known value
                                  # outside them surely keeps it (smooth_l1_loss with
                                  # beta=1/9).  {} : every such sample kept it
      "autocast_copies": {"float32": ["input", "weight"]}
                                  # (experiment, functions and modules) under
                                  # torch.autocast("cpu") (bfloat16): per input dtype,
                                  # the inputs saved as cast copies, not as the tensors
                                  # passed in (bumping the tensor after an autocast
                                  # forward broke nothing, after a plain one it did, in
                                  # every sample that saved it): F.linear casts float32
                                  # to bfloat16, mse_loss bfloat16 to float32
      "autocast_result": {"float32": "bfloat16"}
                                  # (experiment, functions and modules) the result's
                                  # dtype under CPU autocast, per input dtype, where
                                  # autocast changed it in every sample
    modules:
      "saves_source": as above
      "init_params": ["negative_slope", "inplace"]
                                  # constructor's positional parameter names in order
                                  # (without self; stops at *args / keyword-only), to
                                  # read nn.LeakyReLU(0.1, True) / nn.Dropout(0.0, True)
      "saves_inplace": ["result"] | []
                                  # only with "inplace_kw": what the module built with
                                  # inplace=True saves that aliases its input/output
                                  # (experiment on a non-leaf input; dropout-like ones
                                  # with p=0.5 in training mode): ReLU keeps its
                                  # output, Hardswish a copy of its input ([])
      "forward_params": ["input", "hx"]
                                  # forward()'s positional parameter names in order
                                  # (without self): where a call passes a saved forward
                                  # argument other than the input (LSTMCell's hx, a
                                  # loss's target, attention's key and value)
      "alias_when": {"p": [0.0]}
                                  # (experiment) constructor values under which forward,
                                  # in training mode, returns its input tensor itself
                                  # (each float parameter tried at 0.0 and 1.0; kept
                                  # where the default does not): nn.Dropout(p=0.0)
      "saved_for": {"weight": ["input"]}
                                  # (experiment) parameters kept only when a forward
                                  # argument requires grad (runs with every argument
                                  # detached kept none of them): nn.Linear keeps its
                                  # weight for its input's gradient, so raw data into a
                                  # first layer keeps no weight; RNNCell's weights are
                                  # kept for the input's or hx's gradient
      "saves" may also name other forward() arguments by their forward() parameter
      names (e.g. "target" for losses, "hx") and parameters of submodules by dotted
      path (e.g. "out_proj.weight" for MultiheadAttention).

Outputs are named as the caller receives them.  A Python wrapper that returns
a tuple only on request (F.max_pool2d(..., return_indices=True)) is measured
per call: its pooled output is "result" either way, the indices "result1";
whatever autograd keeps internally that the caller never sees (the indices of
a plain F.max_pool2d call) is not a saved output the caller can modify and is
not listed.  Ops whose overloads return different shapes of result share one
entry: torch.max saves "result" (torch.max(x), a tensor) and "result1" (the
indices of torch.max(x, dim)).

Per-overload saves, integer outputs and writes (optional keys)::

    functions:
      "overloads": [{"numbers": ["exponent"], "saves": ["input"]}]
                                  # (experiment) what the op saves when exactly these
                                  # parameters are Python numbers rather than tensors
                                  # (the Scalar overloads), where that is less than
                                  # "saves": pow(x, 2.0) keeps only x, pow(x, y) also
                                  # y and its result; max(x, 1) keeps only its indices
                                  # ("result1"), max(x) its input and result.  Measured
                                  # by replacing OpInfo samples' tensor arguments by
                                  # numbers.  Use overload_saves() to pick one.
      "overloads": [{"tensors": ["dim", "input"], "saves": ["dim", "input"]}]
                                  # (experiment) what the op saves when exactly these
                                  # parameters are tensors, where that is less than
                                  # what the absent tensors explain: min(x, y) is
                                  # minimum and keeps x and y, not its result.
      "overloads": [{"string": ["mode", "reflect"], "saves": ["input"]}]
      "string_defaults": {"mode": "constant"}
                                  # (experiment) what the op saves when a string
                                  # argument has this value, for string parameters
                                  # whose value changes the saves (one entry per value
                                  # seen): F.pad keeps its input for "reflect" and
                                  # "replicate", nothing for "constant" (the default a
                                  # call that leaves mode out gets) or "circular";
                                  # interpolate keeps its input for mode="area" only
      "keywords": {"other": "dim"}
                                  # keyword names that another overload gives a
                                  # positional slot where it takes a Tensor and the
                                  # first signature does not: torch.min(x, other=y)
                                  # fills the slot "dim" (min.other)
      "int_outputs": ["result1"]  # outputs that were integer/bool tensors for floating
                                  # inputs in every sample (argmax, eq, nonzero, the
                                  # indices of max(dim)/sort/topk): never require grad
      "outputs": 2                # (experiment) the op returns a tuple of this many
                                  # tensors (std_mean, sort, eigh, max(x, dim)); each
                                  # part's fate is the entries "result", "result1" ...
                                  # of "saves" and "int_outputs" (std, mean =
                                  # torch.std_mean(w): std is kept, mean is not).  Not
                                  # for tuples of views ("view") nor for tuples whose
                                  # length the arguments pick (unique, unbind_copy)
      "outputs_when": ["dim"]     # (experiment) with "outputs": the tuple comes only when
                                  # one of these parameters is given a value (not a
                                  # tensor, None or False); otherwise one tensor:
                                  # torch.max(x) / max(x, y) vs max(x, 1), F.max_pool2d's
                                  # return_indices
      "output_fields": ["values", "indices"]
                                  # (experiment) with "outputs": the tuple is a named
                                  # tuple with these fields (torch.return_types)
      "writes": {"weight": {"when": ["max_norm"]}}
                                  # (experiment) the call writes this parameter's tensor
                                  # in place (bumps its version; not params[0], that is
                                  # "inplace") when every keyword in "when" is given and
                                  # not None/False ([]: always): F.embedding renormalises
                                  # the rows of weight it looks up
      "keeps_layout": "input"     # (experiment) the result is laid out as this
                                  # parameter's tensor (its strides, not in order):
                                  # sigmoid(x.transpose(1, 2)) is transposed too, so
                                  # its reshape is a copy (tools/knowledge_gen/layout.py:
                                  # elementwise ops, clone, dropout; not softmax)
    modules:
      "keeps_layout": "input"     # (experiment) as for functions: nn.GELU, nn.Dropout
      "forward_writes": {"weight": {"when": ["max_norm"], "unless": [], "train_only": false}}
                                  # (experiment) forward() writes this parameter or
                                  # buffer in place: "when" constructor arguments that
                                  # trigger it (given, not None/False), "unless" ones
                                  # whose non-default value prevents it, "train_only":
                                  # only in training mode (BatchNorm's
                                  # num_batches_tracked)

Top-level tables::

    "aliases": {"torch.functional.F": "torch.nn.functional",
                "torch.nn.modules.activation.ReLU": "torch.nn.ReLU"}
                                  # public paths torch re-exports an object under ->
                                  # the name this file (or its shortest public path)
                                  # uses; walked from the modules ``import torch``
                                  # loads.  Use resolve().
    "wrappers": {"torch.autograd.Variable": {"leaf": true, "requires_grad": false,
                                             "shares_version": true,
                                             "params": ["data", "requires_grad"]}}
                                  # tensor classes called on a tensor (measured on a
                                  # non-leaf that requires grad): is the result a new
                                  # leaf, its requires_grad by default (true/false, or
                                  # "data": the argument's), does it share the
                                  # argument's version counter; "params": positional
                                  # parameters when the second one is requires_grad
    "module_functions": {"torch.nn.utils.parametrizations.spectral_norm": {"module": 0}}
                                  # functions that return the module passed at that
                                  # position (reparametrised in place: spectral and
                                  # weight norm, pruning), measured on a Linear

For "view": "multi" ops, mutating the input or any output before backward makes
backward fail (autograd's rule for multi-output views); "saves" does not repeat it.

Positional "params" follow the longest overload; for ops whose overloads name a
position differently (torch.max(input, dim) vs torch.max(input, other)) "saves"
names the position by the chosen overload's name (torch.max saves "dim": the
second positional argument when it is a tensor).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Optional

DATA_FILE = os.path.join(os.path.dirname(__file__), "torch_ops.json")


class Knowledge:
    def __init__(self, data: dict):
        self.torch_version = data.get("torch_version", "?")
        self.functions: dict = data.get("functions", {})
        self.modules: dict = data.get("modules", {})
        self.aliases: dict = data.get("aliases", {})
        self.wrappers: dict = data.get("wrappers", {})
        self.module_functions: dict = data.get("module_functions", {})
        self._resolved: dict = {}  # name -> resolve(name)
        # Method names by bare name, for receivers whose type is a tensor.
        self._methods = {
            k[len("torch.Tensor."):]: v for k, v in self.functions.items() if k.startswith("torch.Tensor.")
        }

    def function(self, qualname: str) -> Optional[dict]:
        return self.functions.get(qualname)

    def method(self, name: str) -> Optional[dict]:
        return self._methods.get(name)

    def module(self, qualname: str) -> Optional[dict]:
        return self.modules.get(qualname)

    def is_tensor_method(self, name: str) -> bool:
        return name in self._methods

    def resolve(self, name: str) -> str:
        """The name torch's re-exports stand for: ``torch.functional.F.relu_`` ->
        ``torch.nn.functional.relu_`` (the longest aliased prefix is replaced).
        Worked out once per name (the aliases do not change after loading)."""
        got = self._resolved.get(name)
        if got is None:
            if len(self._resolved) > 65536:  # (a long-lived process: bounded)
                self._resolved.clear()
            got = self._resolved[name] = self._resolve(name)
        return got

    def _resolve(self, name):
        aliases = self.aliases
        target = aliases.get(name)
        if target is not None:
            return target
        i = name.rfind(".")
        while i > 0:
            target = aliases.get(name[:i])
            if target is not None:
                return target + name[i:]
            i = name.rfind(".", 0, i)
        return name

    def wrapper(self, qualname: str) -> Optional[dict]:
        return self.wrappers.get(qualname)

    def module_function(self, qualname: str) -> Optional[dict]:
        return self.module_functions.get(qualname)


@lru_cache(maxsize=1)
def load(path: str = DATA_FILE) -> Knowledge:
    with open(path, encoding="utf-8") as f:
        return Knowledge(json.load(f))
