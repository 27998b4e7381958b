import torch
import torch.nn as nn


class ImageTextEncoder(nn.Module):
    """Word embeddings and region features projected to a joint space, then one shared
    transformer layer over the concatenated sequence (a single-stream VL encoder in miniature)."""

    def __init__(self, vocab=40, d_region=10, d=8):
        super().__init__()
        self.words = nn.Embedding(vocab, d)
        self.regions = nn.Sequential(nn.Linear(d_region, d), nn.LayerNorm(d))
        self.layer = nn.TransformerEncoderLayer(d, 2, 16, dropout=0.0, batch_first=True)

    def forward(self, ids, region_feats):
        w, r = self.words(ids), self.regions(region_feats)
        h = self.layer(torch.cat([w, r], 1))
        return h[:, :ids.shape[1]], h[:, ids.shape[1]:]
