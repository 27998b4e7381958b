import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, d_in=5, d_hidden=12, d_out=3):
        super().__init__()
        self.proj = nn.Linear(d_in, d_hidden)
        self.act = nn.Tanh()
        self.head = nn.Linear(d_hidden, d_out)

    def forward(self, x):
        return self.head(self.act(self.proj(x)))


class ActivationSparsifier:
    """Zeroes small activations of the hooked modules (a common pruning experiment)."""

    def __init__(self, threshold=0.1):
        self.threshold = threshold
        self.handles = []

    def _hook(self, module, inputs, output):
        output.masked_fill_(output.abs() < self.threshold, 0.0)  # L

    def attach(self, model, kinds=(nn.Tanh,)):
        for m in model.modules():
            if isinstance(m, kinds):
                self.handles.append(m.register_forward_hook(self._hook))
        return self


def run():
    torch.manual_seed(0)
    model = Encoder()
    ActivationSparsifier(threshold=0.3).attach(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
    loss = nn.functional.cross_entropy(model(x), y)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
