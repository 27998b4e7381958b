"""A hand-written K-FAC preconditioner (Martens & Grosse 2015).  Forward hooks collect each
Linear's input covariance A = a^T a / n, and hooks on the outputs the output-gradient covariance
G = g^T g * n; step() preconditions every weight gradient with (G + damping)^-1 grad (A + damping)^-1
and hands it to SGD.  The input hook takes the activations through .data (no graph) and scales them
in place to save a temporary, appending the homogeneous coordinate only for layers with a bias."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class KFAC:
    def __init__(self, model, damping=1e-2, decay=0.9):
        self.damping, self.decay = damping, decay
        self.layers = [m for m in model.modules() if isinstance(m, nn.Linear)]
        self.A, self.G = {}, {}
        for m in self.layers:
            m.register_forward_hook(self.save_input)

    def running(self, store, m, cov):
        store[m] = cov if m not in store else self.decay * store[m] + (1 - self.decay) * cov

    def save_input(self, module, inputs, output):
        a = inputs[0].data
        if module.bias is not None:
            a = torch.cat([a, a.new_ones(a.size(0), 1)], 1)
        a.mul_(a.size(0) ** -0.5)  # L
        self.running(self.A, module, a.t() @ a)
        if output.requires_grad:
            output.register_hook(lambda grad: self.save_grad_output(module, grad))

    def save_grad_output(self, module, grad):
        g = grad * grad.size(0) ** 0.5
        self.running(self.G, module, g.t() @ g)

    @torch.no_grad()
    def precondition(self):
        for m in self.layers:
            grad = m.weight.grad
            if m.bias is not None:
                grad = torch.cat([grad, m.bias.grad.unsqueeze(1)], 1)
            eye_a = torch.eye(self.A[m].size(0))
            eye_g = torch.eye(self.G[m].size(0))
            nat = torch.linalg.solve(self.G[m] + self.damping * eye_g, grad)
            nat = torch.linalg.solve(self.A[m] + self.damping * eye_a, nat.t()).t()
            if m.bias is not None:
                m.bias.grad.copy_(nat[:, -1])
                nat = nat[:, :-1]
            m.weight.grad.copy_(nat)


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3))


def grads(model, x, y, kfac=True):
    if kfac:
        KFAC(model)
    model.zero_grad()
    F.cross_entropy(model(x), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    kfac = KFAC(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(16, 5), torch.randint(0, 3, (16,))
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        kfac.precondition()
        opt.step()


def silent_hazard():
    """The raw gradient must be the one of the inputs the forward used (no hooks = reference)."""
    torch.manual_seed(1)
    x, y = torch.randn(16, 5), torch.randint(0, 3, (16,))
    got = grads(make_model(), x.clone(), y)
    ref = grads(make_model(), x.clone(), y, kfac=False)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
