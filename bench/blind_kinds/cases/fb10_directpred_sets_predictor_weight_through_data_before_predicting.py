"""DirectPred (Tian et al. 2021), SimSiam flavour: the linear predictor is not trained by gradient
but set from the eigendecomposition of a running correlation of the projector outputs. The
predictor refreshes its weight through `.data` from the correlation tracked so far at the start of
its forward, then predicts, then tracks the batch it has just seen."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DirectPredictor(nn.Module):
    write = "data"  # silent_hazard's reference rebinds a fresh weight instead

    def __init__(self, d, rho=0.3, eps=0.1):
        super().__init__()
        self.linear = nn.Linear(d, d, bias=False)
        self.linear.weight.requires_grad_(False)
        self.rho, self.eps = rho, eps
        self.register_buffer("corr", torch.eye(d))

    def track(self, z):
        z = z.detach()
        self.corr.mul_(self.rho).add_(z.t() @ z / z.shape[0], alpha=1 - self.rho)

    def refresh(self):
        s, u = torch.linalg.eigh(self.corr)
        s = s.clamp(min=0).sqrt()
        w = u @ torch.diag(s / s.max() + self.eps) @ u.t()
        if self.write == "data":
            self.linear.weight.data.copy_(w)  # L
        else:
            self.linear.weight = nn.Parameter(w, requires_grad=False)

    def forward(self, z):
        self.refresh()  # L
        p = self.linear(z)
        self.track(z)
        return p


class SimSiam(nn.Module):
    def __init__(self, d_in=10, d=6):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, 12), nn.ReLU(), nn.Linear(12, d))
        self.predictor = DirectPredictor(d)

    def loss(self, x1, x2):
        n = x1.shape[0]
        z = self.encoder(torch.cat([x1, x2]))
        p = self.predictor(z)
        z1, z2, p1, p2 = z[:n], z[n:], p[:n], p[n:]
        return -(F.cosine_similarity(p1, z2.detach()).mean() + F.cosine_similarity(p2, z1.detach()).mean()) / 2


def make_model():
    torch.manual_seed(0)
    return SimSiam()


def views(batch=6):
    x = torch.randn(batch, 10)
    return x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)


def grads(model, x1, x2):
    model.zero_grad()
    model.loss(x1, x2).backward()
    return [p.grad.clone() for p in model.encoder.parameters()]


def run():
    model = make_model()
    opt = torch.optim.SGD(model.encoder.parameters(), lr=0.05, momentum=0.9)
    torch.manual_seed(1)
    for _ in range(3):
        grads(model, *views())
        opt.step()


def silent_hazard():
    """The encoder's gradient must go through the predictor weight the forward used: compare with
    the same step where the refreshed weight is a new tensor (the saved one is left alone)."""
    torch.manual_seed(1)
    x1, x2 = views()
    model = make_model()
    grads(model, x1, x2)  # a first step, so the correlation is no longer the identity
    got = grads(model, x1, x2)
    ref_model = make_model()
    ref_model.predictor.write = "rebind"
    grads(ref_model, x1, x2)
    ref = grads(ref_model, x1, x2)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
