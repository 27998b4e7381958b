"""Facts about one in-place event: what the engine hands to the rules.

The engine computes these; rules only read them.  One event is produced per
in-place site per calling context; the runner merges duplicates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class SaveFact:
    op: str  # op that saved the tensor ("sigmoid", "Linear", ...)
    what: str  # which of its tensors: "result", "input", "weight", ...
    line: int
    column: int
    certain: bool  # the save surely happened (the op's output surely required grad)
    hooked: bool  # saved inside saved_tensors_hooks / save_on_cpu


@dataclass
class Event:
    kind: str  # method | function | inplace_kw | module_inplace | augassign | setitem | out | step
    op: str  # "mul_", "+=", "[]=", "ReLU(inplace=True)", "out=", "step"
    target: str  # source text of the tensor that is modified
    line: int
    column: int
    end_line: int
    end_column: int
    grad_enabled: Optional[bool]  # None: unknown
    requires_grad: Optional[bool]
    is_leaf: Optional[bool]
    view: Optional[str]  # None | "single" | "multi" | "nograd"
    view_base_requires_grad: Optional[bool]
    view_base_is_leaf: Optional[bool]
    via_data: bool  # written through .data: no version bump, autograd sees nothing
    alias_certain: bool  # the modified object surely is the tensor described
    saves: list = field(default_factory=list)  # live SaveFacts on its version counter
    out_inputs_requires_grad: Optional[bool] = None  # for out=
    related_line: Optional[int] = None  # e.g. the constructor of an inplace module
    related_column: Optional[int] = None
    related_message: str = ""
    context: str = ""  # "in forward() called from run() line 30"
    basic_index: bool = False  # setitem with int/slice indices (a view is written)
