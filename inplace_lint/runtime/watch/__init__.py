"""Runtime watch mode: catch in-place autograd hazards in real training code.

``watch()`` is a context manager (and a decorator).  While it is active:

* every tensor saved for backward is recorded through a
  ``torch.autograd.graph.saved_tensors_hooks`` pack hook (its version at save
  time, its storage, and -- cheaply, as a code object plus instruction offset --
  the user line that saved it, and the library line if a library saved it);
* in ``mode="full"`` a ``TorchDispatchMode`` looks at every aten op that writes
  one of its arguments and matches the written view exactly against the live
  saved tensors of that storage: a hit is recorded with the mutating line and
  a copy of the values it overwrites;
* when backward unpacks a saved tensor (torch's own moment), a changed
  version, or changed values after a recorded write through an alias torch
  does not track (``.data``, hook regions), is reported with both lines; a
  graph freed without backward makes its writes harmless, as in torch;
* torch's own in-place errors that escape the block (leaf variables, views of
  multi-output ops, no_grad views, version mismatches of tensors saved outside
  the block) are re-raised as :class:`InplaceHazardError` naming the user line.

Files: ``api.py`` (watch, run_script), ``session.py`` (hooks, dispatch mode,
judgement), ``report.py`` (messages, raise/warn), ``messages.py`` (op names,
parameter names, fixes), ``frames.py`` (user / library / internal frames),
``overlap.py`` (exact strided-view overlap), ``patches.py`` (torch entry
points wrapped while active).
"""
from .api import run_script, watch
from .errors import InplaceHazardError, InplaceHazardWarning, InplaceWatchNote
from .patches import _tls  # noqa: F401  (tests check it is cleared)

__all__ = [
    "watch",
    "InplaceHazardError",
    "InplaceHazardWarning",
    "InplaceWatchNote",
    "run_script",
]
