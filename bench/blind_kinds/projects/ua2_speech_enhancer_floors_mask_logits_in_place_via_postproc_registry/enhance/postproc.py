"""Post-processing of the estimated mask, chosen by name in the config (in place: masks are big)."""
import functools

POSTPROC = {}


def register(name):
    def deco(fn):
        POSTPROC[name] = fn
        return fn
    return deco


@register("floor")
def spectral_floor_(t, floor):
    """Never suppress a bin completely: musical noise is worse than residual noise."""
    return t.clamp_(min=floor)  # L


@register("none")
def identity(t):
    return t


def build_postproc(cfg):
    return functools.partial(POSTPROC[cfg["name"]], **cfg.get("kwargs", {}))
