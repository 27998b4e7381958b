_MODELS = {}


def register(name):
    def deco(fn):
        _MODELS[name] = fn
        return fn
    return deco


def create_model(name, **kwargs):
    return _MODELS[name](**kwargs)


def list_models():
    return sorted(_MODELS)
