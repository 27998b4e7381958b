"""Slot Attention (Locatello et al., 2020): slots compete for inputs via a softmax over slots."""
import torch
import torch.nn as nn


class SlotAttention(nn.Module):
    def __init__(self, n_slots=3, dim=8, iters=2, eps=1e-8):
        super().__init__()
        self.n_slots, self.iters, self.eps, self.scale = n_slots, iters, eps, dim ** -0.5
        self.mu = nn.Parameter(torch.randn(1, 1, dim))
        self.to_q, self.to_k, self.to_v = (nn.Linear(dim, dim, bias=False) for _ in range(3))
        self.gru = nn.GRUCell(dim, dim)
        self.norm_in, self.norm_slots = nn.LayerNorm(dim), nn.LayerNorm(dim)

    def attend(self, q, k):
        attn = torch.einsum("bid,bjd->bij", q, k).mul(self.scale).softmax(dim=1) + self.eps
        attn /= attn.sum(dim=-1, keepdim=True)  # L
        return attn

    def forward(self, inputs):
        b, n, d = inputs.shape
        inputs = self.norm_in(inputs)
        k, v = self.to_k(inputs), self.to_v(inputs)
        slots = self.mu.expand(b, self.n_slots, d)
        for _ in range(self.iters):
            prev = slots
            attn = self.attend(self.to_q(self.norm_slots(slots)), k)
            updates = torch.einsum("bjd,bij->bid", v, attn)
            slots = self.gru(updates.reshape(-1, d), prev.reshape(-1, d)).reshape(b, -1, d)
        return slots


def run():
    torch.manual_seed(0)
    model = SlotAttention()
    decoder = nn.Linear(8, 8)
    opt = torch.optim.Adam([*model.parameters(), *decoder.parameters()], lr=1e-3)
    for _ in range(2):
        x = torch.randn(2, 5, 8)
        slots = model(x)
        recon = decoder(slots).mean(1, keepdim=True).expand_as(x)
        loss = (recon - x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
