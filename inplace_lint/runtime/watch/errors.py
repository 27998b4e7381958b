"""What watch() raises and warns."""


class InplaceHazardError(RuntimeError):
    """An in-place operation broke (or would silently break) autograd."""


class InplaceHazardWarning(UserWarning):
    """Warning category used by ``watch(action="warn")``."""


class InplaceWatchNote(UserWarning):
    """A one-time note about something watch() does not check (e.g. inside
    torch.func transforms)."""


class TorchLikeError(RuntimeError):
    """What torch itself would have raised (our hooks switch its check off)."""


# shown in tracebacks as where users import them from
for _cls in (InplaceHazardError, InplaceHazardWarning, InplaceWatchNote):
    _cls.__module__ = "inplace_lint.runtime.watch"
