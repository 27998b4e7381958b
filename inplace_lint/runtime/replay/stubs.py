"""Stand-ins for modules that are not installed, so the rest of a file still replays."""
import sys
import types

from . import common


def _is_dunder(name):
    return name.startswith("__") and name.endswith("__")


class _StubMeta(type):
    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        common.STATE.stub_used = True
        return _new_stub(cls.__name__ + "." + name)

    def __call__(cls, *a, **k):
        common.STATE.stub_used = True
        if len(a) == 1 and not k and isinstance(a[0], (types.FunctionType, type)):
            return a[0]  # used as a decorator: keep the decorated object
        return type.__call__(cls, *a, **k)


class _StubBase(metaclass=_StubMeta):
    def __init__(self, *a, **k):
        pass

    def __getattr__(self, name):
        if _is_dunder(name):
            raise AttributeError(name)
        return _new_stub(type(self).__name__ + "." + name)()

    def __call__(self, *a, **k):
        if len(a) == 1 and not k and isinstance(a[0], (types.FunctionType, type)):
            return a[0]
        return _new_stub(type(self).__name__ + "()")()

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return False

    def __getitem__(self, k):
        return _new_stub(type(self).__name__ + "[]")()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def _same(self, *a, **k):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same
    __matmul__ = __rmatmul__ = __neg__ = __pow__ = _same


def _new_stub(name):
    return _StubMeta(str(name), (_StubBase,), {"__module__": "ipl_stub"})


class _StubModule(types.ModuleType):
    __path__ = []  # a package: submodules of a stub are stubs too

    def __getattr__(self, name):
        if _is_dunder(name):
            raise AttributeError(name)
        return _new_stub(self.__name__ + "." + name)


def install_stub(name):
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        if sub not in sys.modules:
            m = _StubModule(sub)
            m.__ipl_stub__ = True
            sys.modules[sub] = m
            if i > 1:
                try:
                    setattr(sys.modules[".".join(parts[:i - 1])], parts[i - 1], m)
                except Exception:  # noqa: BLE001
                    pass
    common.STATE.stubbed.add(parts[0])
