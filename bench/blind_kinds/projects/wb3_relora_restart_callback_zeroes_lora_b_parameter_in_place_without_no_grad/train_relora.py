"""ReLoRA-style pre-training of a tiny LM: LoRA on the attention and feed-forward projections,
merged into the frozen weights and restarted every two steps."""
import torch
import torch.nn as nn

from relora import ReLoRARestart, add_lora
from relora.train import Trainer

VOCAB, D = 24, 8


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.attn = nn.MultiheadAttention(D, 2, batch_first=True)
        self.up = nn.Linear(D, 4 * D)
        self.down = nn.Linear(4 * D, D)
        self.head = nn.Linear(D, VOCAB)

    def forward(self, ids):
        x = self.embed(ids)
        t = ids.shape[1]
        causal = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        x = x + self.attn(x, x, x, attn_mask=causal, need_weights=False)[0]
        x = x + self.down(torch.relu(self.up(x)))
        return self.head(x)


def batches(n, b=3, t=6):
    for _ in range(n):
        ids = torch.randint(0, VOCAB, (b, t + 1))
        yield ids[:, :-1], ids[:, 1:]


def main():
    torch.manual_seed(0)
    model = add_lora(TinyLM(), ["up", "down"], rank=2)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-3)
    Trainer(model, opt, callbacks=[ReLoRARestart(every=2)]).fit(batches(4))


if __name__ == "__main__":
    main()
