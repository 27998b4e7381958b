import torch
import torch.nn as nn

from .attention import AdditiveAttention
from .masking import pad_mask, zero_pads_


class AttentionNMT(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.src_embed = nn.Embedding(cfg.src_vocab, cfg.emb, padding_idx=cfg.pad_id)
        self.tgt_embed = nn.Embedding(cfg.tgt_vocab, cfg.emb, padding_idx=cfg.pad_id)
        self.encoder = nn.GRU(cfg.emb, cfg.hidden, batch_first=True, bidirectional=True)
        self.memory_proj = nn.Linear(2 * cfg.hidden, cfg.hidden)
        self.bridge = nn.Linear(cfg.hidden, cfg.hidden)
        self.attention = AdditiveAttention(cfg.hidden, cfg.hidden, cfg.hidden)
        self.cell = nn.GRUCell(cfg.emb + cfg.hidden, cfg.hidden)
        self.out = nn.Linear(2 * cfg.hidden, cfg.tgt_vocab)

    @property
    def masks_before_keys(self):
        return self.cfg.mask_pads == "before_keys"

    def encode(self, src):
        mask = pad_mask(src, self.cfg.pad_id)
        states, _ = self.encoder(self.src_embed(src))
        memory = self.memory_proj(states)
        if self.masks_before_keys:
            zero_pads_(memory, mask)  # L
        keys = self.attention.precompute(memory)
        if not self.masks_before_keys:
            zero_pads_(memory, mask)  # L
        return memory, keys, mask

    def forward(self, src, tgt_in):
        memory, keys, mask = self.encode(src)  # L
        h = torch.tanh(self.bridge(memory.mean(1)))
        logits = []
        for t in range(tgt_in.shape[1]):
            context, _ = self.attention(keys, memory, h, mask)
            h = self.cell(torch.cat([self.tgt_embed(tgt_in[:, t]), context], -1), h)
            logits.append(self.out(torch.cat([h, context], -1)))
        return torch.stack(logits, 1)
