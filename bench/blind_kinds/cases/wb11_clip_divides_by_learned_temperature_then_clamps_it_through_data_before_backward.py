"""CLIP-style image-text contrastive training with a learned temperature tau (logits = sim / tau).
The trainer keeps tau from collapsing by clamping it through .data right after the loss is
computed, before backward (the original clamps logit_scale at the end of the step)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DualEncoder(nn.Module):
    def __init__(self, d_img=10, d_txt=6, d=4):
        super().__init__()
        self.img = nn.Sequential(nn.Linear(d_img, 8), nn.ReLU(), nn.Linear(8, d))
        self.txt = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Linear(8 * d_txt, d))
        self.tau = nn.Parameter(torch.tensor(0.005))

    def clamp_temperature(self):
        self.tau.data.clamp_(min=0.01)  # L

    def forward(self, images, tokens):
        i = F.normalize(self.img(images), dim=-1)
        t = F.normalize(self.txt(tokens), dim=-1)
        return i @ t.t() / self.tau


def clip_loss(logits):
    labels = torch.arange(logits.shape[0])
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2


def make_model():
    torch.manual_seed(0)
    return DualEncoder()


def batch():
    torch.manual_seed(1)
    return torch.randn(4, 10), torch.randint(0, 20, (4, 6))


def grads(model, clamp):
    images, tokens = batch()
    model.zero_grad()
    loss = clip_loss(model(images, tokens))
    if clamp:
        model.clamp_temperature()  # L
    loss.backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        grads(model, clamp=True)
        opt.step()


def silent_hazard():
    """The gradient must be the one of the temperature the forward used."""
    got = grads(make_model(), clamp=True)
    ref = grads(make_model(), clamp=False)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
