from .ffn import FFConfig, GatedFF


def build_ff(kind="glu", **kwargs):
    if kind == "glu":
        return GatedFF(FFConfig(**kwargs))
    raise KeyError(kind)
