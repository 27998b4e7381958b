import torch
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    """Maps the controller state to the head's parameters, split by the sizes in `params`."""

    params = {}

    def __init__(self, ctrl_size, width):
        super().__init__()
        self.sizes = [width if n == "width" else n for n in self.params.values()]
        self.fc = nn.Linear(ctrl_size, sum(self.sizes))

    def parameters_of(self, h):
        return dict(zip(self.params, torch.split(self.fc(h), self.sizes, dim=1)))

    def weights(self, p, memory):
        return memory.address(torch.tanh(p["key"]), F.softplus(p["beta"]))


class ReadHead(Head):
    params = {"key": "width", "beta": 1}

    def forward(self, h, memory):
        return memory.read(self.weights(self.parameters_of(h), memory))


class WriteHead(Head):
    params = {"key": "width", "beta": 1, "erase": "width", "add": "width"}

    def forward(self, h, memory):
        p = self.parameters_of(h)
        memory.write_(self.weights(p, memory), torch.sigmoid(p["erase"]), torch.tanh(p["add"]))  # L
