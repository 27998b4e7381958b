import torch.nn as nn

from .mixins import AdapterMixin


class Block(AdapterMixin, nn.Module):
    def __init__(self, d_model, cfg):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attn = nn.MultiheadAttention(d_model, 2, batch_first=True)
        self.ffn = nn.Sequential(nn.Linear(d_model, 2 * d_model), nn.GELU(), nn.Linear(2 * d_model, d_model))
        self.init_adapter(d_model, cfg)

    def forward(self, x):
        h = self.norm1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        h = self.norm2(x)
        out = self.apply_adapter_(self.ffn(h), h)  # L
        return x + out


class AdaptedEncoder(nn.Module):
    def __init__(self, cfg, vocab=20, d_model=8, n_layers=2, n_classes=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.blocks = nn.ModuleList(Block(d_model, cfg) for _ in range(n_layers))
        self.head = nn.Linear(d_model, n_classes)
        for name, p in self.named_parameters():
            p.requires_grad_("adapter" in name or name.startswith("head"))

    def forward(self, tokens):
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x)  # L
        return self.head(x.mean(1))


def trainable_parameters(model):
    return [p for p in model.parameters() if p.requires_grad]
