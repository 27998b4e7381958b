"""Tied autoencoder as two Linear layers: the decoder weight is re-synced after the step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedAE(nn.Module):
    def __init__(self, d_in=6, d_hid=3):
        super().__init__()
        self.enc = nn.Linear(d_in, d_hid)
        self.dec = nn.Linear(d_hid, d_in)

    def sync(self):
        self.dec.weight.data.copy_(self.enc.weight.data.t())  # L

    def forward(self, x):
        return self.dec(torch.sigmoid(self.enc(x)))


def make_model():
    torch.manual_seed(0)
    return TiedAE()


def train_step(model, x):
    loss = F.mse_loss(model(x), x)
    model.zero_grad()
    loss.backward()
    return model.enc.weight.grad.clone()


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.manual_seed(1)
    for _ in range(2):
        train_step(model, torch.randn(5, 6))
        opt.step()
        model.sync()  # L


def silent_hazard():
    """The encoder's gradient should be the one of the decoder weights the forward used."""
    # the sync runs after the step here, so the gradient is the forward's own
    model = make_model()
    torch.manual_seed(1)
    x = torch.randn(5, 6)
    got = train_step(model, x)
    ref = make_model()
    F.mse_loss(ref(x), x).backward()
    return not torch.allclose(got, ref.enc.weight.grad)
