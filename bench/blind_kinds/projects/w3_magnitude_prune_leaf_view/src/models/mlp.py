import torch.nn as nn


class MLP(nn.Sequential):
    def __init__(self, sizes=(6, 16, 16, 3)):
        layers = []
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(nn.Linear(a, b))
            if i < len(sizes) - 2:
                layers.append(nn.ReLU())
        super().__init__(*layers)
