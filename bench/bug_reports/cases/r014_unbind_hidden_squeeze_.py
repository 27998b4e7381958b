# Source: https://github.com/alibaba/TinyNeuralNetwork/issues/238
# Report: a quantizable GRU's forward splits the initial hidden state per layer
# and squeezes each piece in place, `hx = [hx[idx].squeeze_(0) ...]`, on the
# outputs of unbind: "Output 0 of UnbindBackward0 is a view and is being
# modified inplace".
import torch
import torch.nn as nn


class StackedGRU(nn.Module):
    def __init__(self, num_layers=2, hidden=4):
        super().__init__()
        self.num_layers = num_layers
        self.cells = nn.ModuleList([nn.GRUCell(hidden, hidden) for _ in range(num_layers)])

    def forward(self, x, hx):
        hx = hx.unsqueeze(1).unbind(0)
        hx = [hx[idx].squeeze_(0) for idx in range(self.num_layers)]  # hazard
        out = x
        for i, cell in enumerate(self.cells):
            out = cell(out, hx[i])
        return out


def run():
    gru = StackedGRU()
    h0 = torch.zeros(2, 3, 4, requires_grad=True) * 1.0
    out = gru(torch.randn(3, 4), h0)
    out.sum().backward()


if __name__ == "__main__":
    run()
