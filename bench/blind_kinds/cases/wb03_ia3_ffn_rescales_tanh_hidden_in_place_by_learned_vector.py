"""(IA)^3 adapters (Liu et al., 2022): a frozen transformer block whose only trainable parameters
are rescaling vectors for the keys, the values and the feed-forward hidden units. The activation
comes from a small registry by name (the base model was trained with tanh); the rescaling of the
hidden units is done in place to spare a copy of the widest activation."""
import torch
import torch.nn as nn
import torch.nn.functional as F

ACTIVATIONS = {"gelu": nn.GELU, "tanh": nn.Tanh, "relu": nn.ReLU}
CONFIG = {"d": 8, "d_ff": 16, "act": "tanh"}


class IA3Block(nn.Module):
    def __init__(self, d, d_ff, act):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.fc1 = nn.Linear(d, d_ff)
        self.fc2 = nn.Linear(d_ff, d)
        self.act = ACTIVATIONS[act]()
        for p in self.parameters():
            p.requires_grad_(False)
        self.l_k = nn.Parameter(torch.ones(d))
        self.l_v = nn.Parameter(torch.ones(d))
        self.l_ff = nn.Parameter(torch.ones(d_ff))

    def forward(self, x):
        q, k, v = self.qkv(x).chunk(3, -1)
        k = k * self.l_k
        v = v * self.l_v
        att = torch.softmax(q @ k.transpose(1, 2) / k.shape[-1] ** 0.5, -1)
        x = x + att @ v
        h = self.act(self.fc1(x))
        h.mul_(self.l_ff)  # L
        return x + self.fc2(h)


def run(cfg=CONFIG):
    torch.manual_seed(0)
    block = IA3Block(cfg["d"], cfg["d_ff"], cfg["act"])
    head = nn.Linear(cfg["d"], 2)
    params = [p for p in block.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=3e-3)
    x, y = torch.randn(2, 5, cfg["d"]), torch.tensor([0, 1])
    loss = F.cross_entropy(head(block(x).mean(1)), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
