import torch
import torch.nn as nn


class PromptedClassifier(nn.Module):
    """A frozen encoder; only the soft prompt vectors and the head are trained (Lester et al., 2021)."""

    def __init__(self, vocab=11, dim=8, n_prompt=3, n_classes=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        layer = nn.TransformerEncoderLayer(dim, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
        for p in [*self.embed.parameters(), *self.encoder.parameters()]:
            p.requires_grad_(False)
        self.prompt = nn.Parameter(torch.randn(n_prompt, dim) * 0.5)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, tokens):
        x = self.embed(tokens)
        x = torch.cat([self.prompt.expand(x.shape[0], -1, -1), x], dim=1)
        return self.head(self.encoder(x)[:, 0])
