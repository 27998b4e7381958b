"""Prefix tuning (Li & Liang) of a frozen two-layer attention stack: a reparametrisation MLP makes every
layer's prefix keys and values at once; each layer's pair is taken by unpacking and gets in-place
dropout, as in the reference implementation's past_key_values dropout."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PrefixEncoder(nn.Module):
    def __init__(self, n_layers, prefix_len, d_model, hidden=16):
        super().__init__()
        self.n_layers, self.prefix_len, self.d_model = n_layers, prefix_len, d_model
        self.embedding = nn.Embedding(prefix_len, d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, hidden), nn.Tanh(), nn.Linear(hidden, n_layers * 2 * d_model))

    def forward(self):
        past = self.mlp(self.embedding(torch.arange(self.prefix_len)))
        return past.view(self.prefix_len, self.n_layers, 2, self.d_model).permute(1, 2, 0, 3)


class FrozenAttention(nn.Module):
    def __init__(self, d_model):
        super().__init__()
        self.q, self.k, self.v = (nn.Linear(d_model, d_model) for _ in range(3))

    def forward(self, x, prefix_k, prefix_v):
        B = x.shape[0]
        k = torch.cat([prefix_k.expand(B, -1, -1), self.k(x)], 1)
        v = torch.cat([prefix_v.expand(B, -1, -1), self.v(x)], 1)
        attn = torch.softmax(self.q(x) @ k.transpose(1, 2) / k.shape[-1] ** 0.5, -1)
        return x + attn @ v


class PrefixTunedModel(nn.Module):
    def __init__(self, d_model=8, n_layers=2, prefix_len=3, n_classes=2, prefix_dropout=0.1):
        super().__init__()
        self.layers = nn.ModuleList(FrozenAttention(d_model) for _ in range(n_layers))
        self.head = nn.Linear(d_model, n_classes)
        for p in list(self.layers.parameters()) + list(self.head.parameters()):
            p.requires_grad_(False)
        self.prefix = PrefixEncoder(n_layers, prefix_len, d_model)
        self.prefix_dropout = prefix_dropout

    def forward(self, x):
        past = self.prefix()
        for layer, layer_past in zip(self.layers, past):
            prefix_k, prefix_v = layer_past
            F.dropout(prefix_k, self.prefix_dropout, self.training, inplace=True)  # L
            F.dropout(prefix_v, self.prefix_dropout, self.training, inplace=True)  # L
            x = layer(x, prefix_k, prefix_v)
        return self.head(x.mean(1))


def run():
    torch.manual_seed(0)
    model = PrefixTunedModel()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    for _ in range(2):
        loss = F.cross_entropy(model(torch.randn(4, 5, 8)), torch.tensor([0, 1, 1, 0]))
        opt.zero_grad()
        loss.backward()
        opt.step()
