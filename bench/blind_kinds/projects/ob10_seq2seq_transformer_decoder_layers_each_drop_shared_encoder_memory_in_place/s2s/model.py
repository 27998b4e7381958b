import torch
import torch.nn as nn

from .factory import dropout_factory
from .layers import DecoderLayer


class Seq2SeqTransformer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        dim = cfg["dim"]
        self.src_embed = nn.Embedding(cfg["src_vocab"], dim, padding_idx=0)
        self.tgt_embed = nn.Embedding(cfg["tgt_vocab"], dim, padding_idx=0)
        self.pos = nn.Parameter(torch.randn(64, dim) * 0.02)
        enc_layer = nn.TransformerEncoderLayer(dim, cfg["heads"], 4 * dim, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(enc_layer, cfg["enc_layers"], enable_nested_tensor=False)
        self.enc_norm = nn.LayerNorm(dim)
        make_drop, make_memory_drop = dropout_factory(cfg["dropout"]), dropout_factory(cfg["memory_dropout"])
        self.decoder = nn.ModuleList(
            DecoderLayer(dim, cfg["heads"], make_drop, make_memory_drop) for _ in range(cfg["dec_layers"]))
        self.out_norm = nn.LayerNorm(dim)
        self.generator = nn.Linear(dim, cfg["tgt_vocab"])

    def encode(self, src):
        x = self.src_embed(src) + self.pos[: src.shape[1]]
        return self.enc_norm(self.encoder(x, src_key_padding_mask=src == 0))

    def forward(self, src, tgt_in):
        memory = self.encode(src)
        t = tgt_in.shape[1]
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)
        x = self.tgt_embed(tgt_in) + self.pos[:t]
        for layer in self.decoder:
            x = layer(x, memory, causal, memory_pad=src == 0)  # L
        return self.generator(self.out_norm(x))
