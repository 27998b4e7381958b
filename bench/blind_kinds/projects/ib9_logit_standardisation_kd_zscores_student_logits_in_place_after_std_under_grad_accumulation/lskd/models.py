import torch.nn as nn

MODELS = {}


def register(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


class MLPClassifier(nn.Module):
    widths = ()

    def __init__(self, d_in, n_classes):
        super().__init__()
        layers, d = [], d_in
        for w in self.widths:
            layers += [nn.Linear(d, w), nn.BatchNorm1d(w), nn.ReLU()]
            d = w
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(d, n_classes)

    def forward(self, x):
        return self.fc(self.features(x))


@register("wide")
class WideMLP(MLPClassifier):
    widths = (64, 64)


@register("small")
class SmallMLP(MLPClassifier):
    widths = (16,)


def build_model(name, **kwargs):
    return MODELS[name](**kwargs)
