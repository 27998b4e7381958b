"""A spiking network of leaky integrate-and-fire neurons trained with a surrogate gradient (BPTT)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SpikeFn(torch.autograd.Function):
    """Heaviside forward; fast-sigmoid surrogate derivative backward."""

    @staticmethod
    def forward(ctx, v, threshold, slope):
        ctx.save_for_backward(v)
        ctx.threshold, ctx.slope = threshold, slope
        return (v >= threshold).to(v.dtype)

    @staticmethod
    def backward(ctx, grad):
        (v,) = ctx.saved_tensors
        return grad / (1 + ctx.slope * (v - ctx.threshold).abs()).pow(2), None, None


class LIF(nn.Module):
    def __init__(self, d_in, d_out, decay=0.9, threshold=1.0, slope=5.0):
        super().__init__()
        self.fc = nn.Linear(d_in, d_out)
        self.decay, self.threshold, self.slope = decay, threshold, slope

    def forward(self, x_seq):
        v = torch.zeros(x_seq.shape[1], self.fc.out_features)
        spikes = []
        for x in x_seq:
            v.mul_(self.decay).add_(self.fc(x))  # L
            s = SpikeFn.apply(v, self.threshold, self.slope)
            v.sub_(s * self.threshold)  # L
            spikes.append(s)
        return torch.stack(spikes)


class SNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([LIF(4, 10), LIF(10, 3)])

    def forward(self, x_seq):
        for layer in self.layers:
            x_seq = layer(x_seq)
        return x_seq.mean(0)  # firing rates


def run():
    torch.manual_seed(0)
    net = SNN()
    opt = torch.optim.Adam(net.parameters(), lr=5e-3)
    for _ in range(2):
        x_seq = (torch.rand(5, 6, 4) < 0.5).float() * 2.0  # (time, batch, features) rate-coded input
        labels = torch.randint(0, 3, (6,))
        loss = F.cross_entropy(net(x_seq) * 5.0, labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
