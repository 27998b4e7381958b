import torch
import torch.nn as nn
import torch.nn.functional as F


class SetEncoder(nn.Module):
    def __init__(self, dim=8, heads=2, n_classes=3):
        super().__init__()
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        out, weights = self.attn(x, x, x, need_weights=True, average_attn_weights=False)
        return self.head(out.mean(dim=1)), weights


def attention_entropy(weights, eps=1e-6):
    """Mean entropy of the attention rows, used to keep heads from collapsing."""
    weights.clamp_(min=eps)  # L
    return -(weights * weights.log()).sum(-1).mean()


def run():
    torch.manual_seed(0)
    model = SetEncoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.randn(2, 5, 8), torch.tensor([0, 2])
    logits, weights = model(x)
    loss = F.cross_entropy(logits, y) - 0.01 * attention_entropy(weights)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
