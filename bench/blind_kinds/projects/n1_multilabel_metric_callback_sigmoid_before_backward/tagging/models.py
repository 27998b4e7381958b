import torch.nn as nn

MODELS = {}


def register(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


@register("bag")
class BagOfTokensTagger(nn.Module):
    def __init__(self, vocab=30, dim=12, tags=5):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.mlp = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, tags))

    def forward(self, tokens):
        return self.mlp(self.embed(tokens))


def build_model(name, **kwargs):
    return MODELS[name](**kwargs)
