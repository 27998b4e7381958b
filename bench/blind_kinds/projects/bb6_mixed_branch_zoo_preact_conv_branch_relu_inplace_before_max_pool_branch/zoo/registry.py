MODELS = {}


def register(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


def available():
    return sorted(MODELS)


def build(name, **kwargs):
    return MODELS[name](**kwargs)
