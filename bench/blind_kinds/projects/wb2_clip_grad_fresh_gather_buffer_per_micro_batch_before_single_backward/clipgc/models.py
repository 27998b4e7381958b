import torch
import torch.nn as nn
import torch.nn.functional as F


class DualEncoder(nn.Module):
    def __init__(self, d_img=12, vocab=30, d=6):
        super().__init__()
        self.image_tower = nn.Sequential(nn.Linear(d_img, 16), nn.GELU(), nn.Linear(16, d))
        self.token_embed = nn.EmbeddingBag(vocab, 16, mode="mean")
        self.text_proj = nn.Linear(16, d)
        self.logit_scale = nn.Parameter(torch.tensor(2.0))

    def encode_image(self, images):
        return F.normalize(self.image_tower(images), dim=-1)

    def encode_text(self, tokens):
        return F.normalize(self.text_proj(self.token_embed(tokens)), dim=-1)
