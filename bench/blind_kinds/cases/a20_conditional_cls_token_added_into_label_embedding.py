"""A class-conditional transformer encoder; the [CLS] token is added into the label embedding."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConditionalTokenEncoder(nn.Module):
    def __init__(self, d=16, n_cond=5, n_classes=3, depth=2, heads=2, max_len=8):
        super().__init__()
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d))
        self.cond_embed = nn.Embedding(n_cond, d)
        self.pos = nn.Parameter(torch.randn(1, max_len + 1, d) * 0.02)
        layer = nn.TransformerEncoderLayer(d, heads, dim_feedforward=2 * d, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, depth, enable_nested_tensor=False)
        self.head = nn.Linear(d, n_classes)

    def cls_tokens(self, cond):
        tok = self.cond_embed(cond)[:, None]
        tok.add_(self.cls_token)  # L
        return tok

    def forward(self, tokens, cond):
        x = torch.cat([self.cls_tokens(cond), tokens], dim=1)
        x = x + self.pos[:, : x.shape[1]]
        return self.head(self.encoder(x)[:, 0])


def run():
    torch.manual_seed(0)
    model = ConditionalTokenEncoder()
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if p.ndim < 2 or name in {"cls_token", "pos"} else decay).append(p)
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                             {"params": no_decay, "weight_decay": 0.0}], lr=1e-3)
    warmup = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 2))
    for _ in range(2):
        tokens, cond, y = torch.randn(4, 6, 16), torch.randint(0, 5, (4,)), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(model(tokens, cond), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        warmup.step()
