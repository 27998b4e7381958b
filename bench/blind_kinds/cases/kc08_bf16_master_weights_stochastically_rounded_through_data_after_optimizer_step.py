"""Simulated bf16 training with stochastic rounding of the weights: a helper rounds every weight
to the bf16 grid through `.data`; the loop calls it after the optimizer step, so the next forward
uses the rounded weights and no graph holds the old ones."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def stochastic_round_bf16(t):
    bits = t.float().view(torch.int32)
    noise = torch.randint_like(bits, 0, 1 << 16)
    return ((bits + noise) & -65536).view(torch.float32)


@torch.no_grad()
def round_weights(model):
    for p in model.parameters():
        p.data.copy_(stochastic_round_bf16(p.data))  # L


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))

    def forward(self, x):
        return self.body(x)


def train_step(model, opt, x, y, round_before_backward=False):
    loss = F.mse_loss(model(x), y)
    opt.zero_grad()
    if round_before_backward:
        round_weights(model)
    loss.backward()
    opt.step()
    if not round_before_backward:
        round_weights(model)
    return loss


def grads(model, x, y, rounded):
    torch.manual_seed(1)
    model.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    if rounded:
        round_weights(model)
    return [p.grad.clone() for p in model.parameters()]


def run():
    torch.manual_seed(0)
    model = Regressor()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x = torch.randn(8, 4)
        train_step(model, opt, x, x.sum(1, keepdim=True))


def silent_hazard():
    """What the training loop does (rounding after the step) against a step without rounding."""
    torch.manual_seed(0)
    model = Regressor()
    x = torch.randn(8, 4)
    y = x.sum(1, keepdim=True)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    got = grads(model, x, y, rounded=True)
    model.load_state_dict(state)
    want = grads(model, x, y, rounded=False)
    return any(not torch.allclose(g, w) for g, w in zip(got, want))
