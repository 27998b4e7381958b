# Source: https://github.com/sunlicai/MAE-DFER/issues/15
# Report: fine-tuning raises "one of the variables needed for gradient computation
# has been modified by an inplace operation: [torch.cuda.FloatTensor [4, 8, 512]],
# which is output 0 of AsStridedBackward0".  The block (modeling_finetune.py
# L295-L299) takes each window's messenger token as a view, `x[:, 0]`, rearranges
# it, lets the messengers attend to each other, and writes the result back with
# `x[:, 0] = ...`; the attention's first op saved the view.  The reporter's fix:
# `rearrange(x[:, 0].clone(), ...)`.
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
        messenger_tokens = x[:, 0].reshape(b, n, x.shape[-1])
        messenger_tokens = self.messenger_attn(messenger_tokens)
        x[:, 0] = messenger_tokens.reshape(b * n, x.shape[-1])  # hazard
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
