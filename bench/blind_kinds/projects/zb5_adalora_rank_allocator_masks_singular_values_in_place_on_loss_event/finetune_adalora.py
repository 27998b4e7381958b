import torch
import torch.nn as nn

from adalora import RankAllocator, wrap_linears
from engine import Trainer

CONFIG = {
    "vocab": 23, "d_model": 16, "steps": 4,
    "adapter": {"suffixes": ["q_proj", "v_proj", "fc"], "rank": 4, "alpha": 8.0},
    "target_rank": 2,
    "allocate_on": "loss",
}


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.q_proj, self.k_proj, self.v_proj = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
        self.fc = nn.Linear(d, d)
        self.norm = nn.LayerNorm(d)

    def forward(self, x):
        h = self.norm(x)
        scores = self.q_proj(h) @ self.k_proj(h).transpose(1, 2) / h.shape[-1] ** 0.5
        causal = torch.ones(h.shape[1], h.shape[1], dtype=torch.bool).triu(1)
        att = scores.masked_fill(causal, float("-inf")).softmax(-1)
        return x + self.fc(att @ self.v_proj(h))


class PretrainedLM(nn.Module):
    def __init__(self, vocab, d):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.blocks = nn.Sequential(Block(d), Block(d))
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        return self.head(self.blocks(self.embed(ids)))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = PretrainedLM(cfg["vocab"], cfg["d_model"]).requires_grad_(False)
    ad = cfg["adapter"]
    wrap_linears(model, ad["suffixes"], rank=ad["rank"], alpha=ad["alpha"])
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-2)
    trainer = Trainer(model, opt)
    trainer.add_callback(cfg["allocate_on"], RankAllocator(model, cfg["target_rank"], cfg["steps"]))
    for _ in range(cfg["steps"]):
        ids = torch.randint(0, cfg["vocab"], (3, 8))
        print(trainer.train_step(ids))  # L


if __name__ == "__main__":
    main()
