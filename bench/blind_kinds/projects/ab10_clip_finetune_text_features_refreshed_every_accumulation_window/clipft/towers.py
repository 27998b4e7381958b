import torch
import torch.nn as nn
import torch.nn.functional as F


class TextTower(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.proj = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, prompt_tokens):
        return self.proj(self.embed(prompt_tokens))


class DualEncoder(nn.Module):
    """Both towers are fine-tuned end to end (FLYP-style): the class prompts are encoded by the
    trainable text tower and used as the classifier weights."""

    def __init__(self, d_img=12, vocab=30, dim=16):
        super().__init__()
        self.image = nn.Sequential(nn.Linear(d_img, dim), nn.GELU(), nn.Linear(dim, dim))
        self.text = TextTower(vocab, dim)
        self.logit_scale = nn.Parameter(torch.tensor(2.0))

    def encode_image(self, x):
        return F.normalize(self.image(x), dim=-1)

    def encode_text(self, tokens):
        return F.normalize(self.text(tokens), dim=-1)
