import torch.nn as nn


class ResBlock(nn.Module):
    """Medusa's head block: x + SiLU(W x), with W zero-initialised so a new head starts as the LM head."""

    def __init__(self, d):
        super().__init__()
        self.linear = nn.Linear(d, d)
        nn.init.zeros_(self.linear.weight)
        self.act = nn.SiLU()

    def forward(self, x):
        x += self.act(self.linear(x))  # L
        return x


HEAD_BLOCKS = {"resblock": ResBlock}


def build_heads(d, vocab, num_heads, block="resblock", depth=1):
    make = HEAD_BLOCKS[block]
    return nn.ModuleList(
        nn.Sequential(*[make(d) for _ in range(depth)], nn.Linear(d, vocab, bias=False))
        for _ in range(num_heads)
    )
