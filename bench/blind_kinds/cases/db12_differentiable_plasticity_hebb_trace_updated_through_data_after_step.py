"""Differentiable plasticity (Miconi et al. 2018): a recurrent layer whose effective weights are
w + alpha * hebb, with alpha learned and the Hebbian trace hebb kept as a buffer. The forward
records each step's activity, and the trace is decayed and accumulated through .data by
consolidate(), called after the optimizer step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PlasticRNNCell(nn.Module):
    def __init__(self, d_in, hidden, eta=0.2):
        super().__init__()
        self.eta = eta
        self.inp = nn.Linear(d_in, hidden)
        self.w = nn.Parameter(0.1 * torch.randn(hidden, hidden))
        self.alpha = nn.Parameter(0.1 * torch.ones(hidden, hidden))
        self.register_buffer("hebb", torch.zeros(hidden, hidden))
        self.pending = []

    def hebbian_update(self, h_prev, h):
        outer = h_prev.t() @ h / h.shape[0]
        self.hebb.data.mul_(1 - self.eta).add_(outer.detach(), alpha=self.eta)  # L

    def forward(self, x, h_prev):
        h = torch.tanh(self.inp(x) + h_prev @ (self.w + self.alpha * self.hebb))
        if self.training:
            self.pending.append((h_prev.detach(), h.detach()))
        return h

    def consolidate(self):
        for h_prev, h in self.pending:
            self.hebbian_update(h_prev, h)  # L
        self.pending.clear()


class PlasticNet(nn.Module):
    def __init__(self, d_in=3, hidden=6, n_out=2):
        super().__init__()
        self.cell = PlasticRNNCell(d_in, hidden)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, seq):
        h = torch.zeros(seq.shape[1], self.cell.w.shape[0])
        for x in seq:
            h = self.cell(x, h)
        return self.head(h)


def make_model():
    torch.manual_seed(0)
    return PlasticNet()


def grads(model, seq, y):
    model.zero_grad()
    F.cross_entropy(model(seq), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    torch.manual_seed(1)
    for _ in range(2):
        seq, y = torch.randn(4, 5, 3), torch.randint(0, 2, (5,))
        grads(model, seq, y)
        opt.step()
        model.cell.consolidate()


def silent_hazard():
    """alpha's gradient must use the traces the forward multiplied it with: compare with the same
    steps taken out of place (a fresh trace tensor per step)."""
    torch.manual_seed(1)
    seq, y = torch.randn(4, 5, 3), torch.randint(0, 2, (5,))
    got = grads(make_model(), seq, y)
    ref_model = make_model()
    cell = ref_model.cell

    def out_of_place(h_prev, h):
        outer = h_prev.t() @ h / h.shape[0]
        cell.hebb = (1 - cell.eta) * cell.hebb + cell.eta * outer.detach()

    cell.hebbian_update = out_of_place
    ref = grads(ref_model, seq, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
