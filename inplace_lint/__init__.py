"""inplace-lint: find in-place tensor operations that break PyTorch autograd.

``import inplace_lint`` never imports torch; ``inplace_lint.watch`` does, when
it is first used.
"""
__version__ = "0.1.0"


def __getattr__(name):
    if name in ("watch", "InplaceHazardError", "InplaceHazardWarning"):
        from .runtime import watch as _watch

        return getattr(_watch, name)
    raise AttributeError(f"module 'inplace_lint' has no attribute {name!r}")
