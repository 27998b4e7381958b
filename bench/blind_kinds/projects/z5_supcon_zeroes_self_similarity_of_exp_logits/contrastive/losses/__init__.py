from .ntxent import *  # noqa: F401,F403
from .supcon import *  # noqa: F401,F403


def build_loss(name: str, **kwargs):
    match name.lower():
        case "supcon" | "supervised":
            return SupConLoss(**kwargs)  # noqa: F405
        case "ntxent" | "simclr":
            return NTXentLoss(**kwargs)  # noqa: F405
        case other:
            raise KeyError(f"unknown loss {other!r}")
