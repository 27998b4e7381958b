import torch.nn as nn

ARCHS = {"lenet300": (300, 100), "tiny": (16, 8)}


class MLP(nn.Module):
    def __init__(self, d_in, widths, n_classes):
        super().__init__()
        dims = (d_in,) + tuple(widths)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.out = nn.Linear(dims[-1], n_classes)

    def forward(self, x):
        for layer in self.hidden:
            x = layer(x).relu()
        return self.out(x)

    def prunable(self):
        """Names of the weights the lottery-ticket procedure prunes (not biases, not the output layer)."""
        return [f"hidden.{i}.weight" for i in range(len(self.hidden))]


def build_model(arch, d_in, n_classes):
    return MLP(d_in, ARCHS[arch], n_classes)
