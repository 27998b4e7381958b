from .mixins import ZeroInitMixin

MODELS = {}


def register_model(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


def build_model(name, zero_init_residual=False, **kwargs):
    model = MODELS[name](**kwargs)
    if zero_init_residual:
        # Goyal et al.: every residual branch starts as the identity
        for m in model.modules():
            if isinstance(m, ZeroInitMixin):
                m.zero_init_last()  # L
    return model
