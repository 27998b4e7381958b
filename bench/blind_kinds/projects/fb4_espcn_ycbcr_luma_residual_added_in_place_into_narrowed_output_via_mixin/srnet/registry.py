MODELS = {}


def register(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


def build_model(cfg):
    cfg = dict(cfg)
    return MODELS[cfg.pop("name")](**cfg)
