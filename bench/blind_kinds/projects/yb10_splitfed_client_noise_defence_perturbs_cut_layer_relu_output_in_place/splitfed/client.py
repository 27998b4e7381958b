"""SplitFed (Thapa et al.): each client runs the layers up to the cut, the server the rest; the client
parts are averaged FedAvg-style after each round."""
import torch
import torch.nn as nn

from .defences import DEFENCES


class ClientNet(nn.Module):
    def __init__(self, ch=6):
        super().__init__()
        self.conv = nn.Conv2d(1, ch, 3, padding=1)
        self.cut = nn.ReLU()

    def forward(self, x):
        return self.cut(self.conv(x))


class Client:
    def __init__(self, data, defence="laplace", lr=0.05):
        self.net = ClientNet()
        self.data = data
        self.defence = DEFENCES[defence]
        self.opt = torch.optim.SGD(self.net.parameters(), lr=lr)
        self._acts = None

    def send(self, x):
        acts = self.defence(self.net(x))  # L
        self._acts = acts
        return acts.detach().requires_grad_(True)

    def receive_grad(self, grad):
        self.opt.zero_grad()
        self._acts.backward(grad)
        self.opt.step()


@torch.no_grad()
def fedavg_clients(clients):
    states = [c.net.state_dict() for c in clients]
    avg = {k: torch.stack([s[k].float() for s in states]).mean(0) for k in states[0]}
    for c in clients:
        c.net.load_state_dict(avg)
