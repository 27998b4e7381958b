"""Replay: confirm or refute static findings by running the code under autograd.

The package has two sides.  The linter's side is :mod:`.launcher` (``confirm``,
``replay_file``): it never imports torch and never runs user code.  The other
side runs in a sandboxed subprocess per file, entered through :mod:`.worker`:

* ``sandbox``: limits the worker puts on itself (resources, network, result channel)
* ``stubs``: stand-ins for modules that are not installed
* ``source``: the replayed file's AST (functions, classes, which code holds a line)
* ``trace``: line tracer, backward counting, trace mode (writes and saved tensors)
* ``run``: one run of one attempt and what it left behind
* ``attempts``: loading the file as a module; entry-point, ``__main__`` and module attempts
* ``synth``: synthesised calls (constructor arguments, inputs)
* ``shapes``: input shapes (from layers, asserts and view/reshape, shape errors)
* ``host``: loads the file's module once; runs fork from it
* ``verdict``: what a run says about one finding
* ``driver``: the order of attempts for one file
* ``common``: what all of these share
"""
from .launcher import ReplayUnavailable, Summary, confirm, replay_file

__all__ = ["confirm", "replay_file", "ReplayUnavailable", "Summary"]
