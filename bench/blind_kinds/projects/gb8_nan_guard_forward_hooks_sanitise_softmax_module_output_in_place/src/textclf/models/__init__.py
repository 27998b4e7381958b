from .pooling import AttentionPoolClassifier

MODELS = {"attention_pool": AttentionPoolClassifier}


def build_model(name, **kw):
    return MODELS[name](**kw)


__all__ = ["build_model", "MODELS"]
