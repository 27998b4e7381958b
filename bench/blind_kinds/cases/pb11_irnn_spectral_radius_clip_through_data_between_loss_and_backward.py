"""An IRNN (Le et al., 2015: ReLU units, recurrent weight initialised to the identity) on the adding
problem. To keep it stable the recurrent matrix is rescaled whenever its spectral norm exceeds a
bound, through .data ("a constraint, not part of the model"). The constraint is applied by the
trainer's `constrain` hook, here called right after the loss is computed."""
import torch
import torch.nn as nn


class IRNN(nn.Module):
    def __init__(self, d_in=2, hid=8):
        super().__init__()
        self.w_in = nn.Linear(d_in, hid)
        self.w_hh = nn.Parameter(torch.eye(hid) * 1.05)
        self.out = nn.Linear(hid, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], self.w_hh.shape[0])
        for t in range(x.shape[1]):
            h = torch.relu(self.w_in(x[:, t]) + h @ self.w_hh)
        return self.out(h).squeeze(-1)

    def constrain(self, bound=1.0):
        sigma = torch.linalg.matrix_norm(self.w_hh.data, ord=2)
        if sigma > bound:
            self.w_hh.data.mul_(bound / sigma)  # L


def adding_problem(n=8, length=6):
    g = torch.Generator().manual_seed(1)
    values = torch.rand(n, length, generator=g)
    marks = torch.zeros(n, length)
    marks[:, 0] = 1.0
    marks[:, 3] = 1.0
    return torch.stack([values, marks], -1), (values * marks).sum(1)


def training_step(model, x, y, constrain_after_loss=True):
    loss = (model(x) - y).pow(2).mean()
    if constrain_after_loss:
        model.constrain()  # L
    loss.backward()
    return loss


def grads(constrain):
    torch.manual_seed(0)
    model = IRNN()
    training_step(model, *adding_problem(), constrain_after_loss=constrain)
    return [p.grad.clone() for p in model.parameters()]


def run():
    torch.manual_seed(0)
    model = IRNN()
    opt = torch.optim.SGD(model.parameters(), lr=1e-2)
    for _ in range(2):
        opt.zero_grad()
        training_step(model, *adding_problem())
        opt.step()


def silent_hazard():
    """The gradient must be the one at the weights the forward used (no constraint in between)."""
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(grads(True), grads(False)))
