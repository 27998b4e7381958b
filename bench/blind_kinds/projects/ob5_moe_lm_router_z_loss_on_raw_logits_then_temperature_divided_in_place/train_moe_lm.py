import torch
import torch.nn as nn
import torch.nn.functional as F

from moe import MoEFeedForward, RouterConfig

VOCAB, DIM = 13, 8
ROUTER = RouterConfig(num_experts=4, temperature=2.0, z_loss_coef=1e-3, z_loss_on="raw")  # L


class Block(nn.Module):
    def __init__(self, dim, router_cfg):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, 2, batch_first=True)
        self.moe = MoEFeedForward(dim, 2 * dim, router_cfg)

    def forward(self, x, causal):
        h = self.norm1(x)
        x = x + self.attn(h, h, h, attn_mask=causal, need_weights=False)[0]
        return x + self.moe(self.norm2(x))  # L


class TinyMoELM(nn.Module):
    def __init__(self, router_cfg, depth=2):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, DIM)
        self.blocks = nn.ModuleList(Block(DIM, router_cfg) for _ in range(depth))
        self.head = nn.Linear(DIM, VOCAB)

    def forward(self, tokens):
        t = tokens.shape[1]
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x, causal)
        return self.head(x)

    def aux_loss(self):
        return sum(block.moe.router.last_aux for block in self.blocks)


def main():
    torch.manual_seed(0)
    model = TinyMoELM(ROUTER)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for step in range(3):
        tokens = torch.randint(0, VOCAB, (2, 7))
        logits = model(tokens[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), tokens[:, 1:].reshape(-1)) + model.aux_loss()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
