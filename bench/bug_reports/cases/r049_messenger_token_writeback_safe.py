# Source: https://github.com/sunlicai/MAE-DFER/issues/15
# Safe twin: the messenger tokens are taken from a copy (`x[:, 0].clone()`), the
# reporter's fix, so the attention saves the copy, not a view of x.
import torch
import torch.nn as nn


class MessengerAttention(nn.Module):
    def __init__(self, dim, num_heads=2):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, num_heads, batch_first=True)

    def forward(self, tokens):
        h = self.norm(tokens)
        out, _ = self.attn(h, h, h, need_weights=False)
        return tokens + out


class LocalGlobalBlock(nn.Module):
    def __init__(self, dim=8):
        super().__init__()
        self.local_norm = nn.LayerNorm(dim)
        self.local_mlp = nn.Linear(dim, dim)
        self.messenger_attn = MessengerAttention(dim)

    def forward(self, x, b):
        # x: (b * n windows, tokens per window, dim); token 0 is the window's messenger
        x = x + self.local_mlp(self.local_norm(x))
        n = x.shape[0] // b
        messenger_tokens = x[:, 0].clone().reshape(b, n, x.shape[-1])
        messenger_tokens = self.messenger_attn(messenger_tokens)
        x[:, 0] = messenger_tokens.reshape(b * n, x.shape[-1])
        return x


def run():
    torch.manual_seed(0)
    blocks = nn.ModuleList([LocalGlobalBlock() for _ in range(2)])
    head = nn.Linear(8, 3)
    b = 2
    x = torch.randn(b * 4, 5, 8)
    for blk in blocks:
        x = blk(x, b)
    logits = head(x[:, 0].reshape(b, 4, 8).mean(1))
    nn.functional.cross_entropy(logits, torch.tensor([0, 2])).backward()


if __name__ == "__main__":
    run()
