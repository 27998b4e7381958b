import functools

import torch
import torch.nn as nn

from .bridge import BRIDGES


class Seq2Seq(nn.Module):
    """A bidirectional GRU encoder and a GRU decoder trained with teacher forcing."""

    def __init__(self, cfg):
        super().__init__()
        d, layers = cfg["hidden"], cfg["layers"]
        self.src_embed = nn.Embedding(cfg["src_vocab"], cfg["emb"])
        self.tgt_embed = nn.Embedding(cfg["tgt_vocab"], cfg["emb"])
        self.encoder = nn.GRU(cfg["emb"], d, layers, batch_first=True, bidirectional=True)
        self.decoder = nn.GRU(cfg["emb"], d, layers, batch_first=True)
        self.proj = nn.Linear(d, cfg["tgt_vocab"])
        self.bridge = functools.partial(BRIDGES[cfg["bridge"]], num_layers=layers)

    def forward(self, src, tgt_in):
        _, h_n = self.encoder(self.src_embed(src))
        h0 = self.bridge(h_n)  # L
        out, _ = self.decoder(self.tgt_embed(tgt_in), h0)
        return self.proj(out)

    @torch.no_grad()
    def greedy(self, src, bos, steps):
        _, h_n = self.encoder(self.src_embed(src))
        h = self.bridge(h_n)
        tok = torch.full((src.shape[0], 1), bos)
        outs = []
        for _ in range(steps):
            out, h = self.decoder(self.tgt_embed(tok), h)
            tok = self.proj(out).argmax(-1)
            outs.append(tok)
        return torch.cat(outs, dim=1)
