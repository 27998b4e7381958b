import torch
import torch.nn as nn


class Seq2SeqTransformer(nn.Module):
    def __init__(self, vocab=15, d=16, pad=0):
        super().__init__()
        self.pad = pad
        self.emb = nn.Embedding(vocab, d, padding_idx=pad)
        self.pos = nn.Parameter(torch.randn(32, d) * 0.02)
        self.core = nn.Transformer(d, nhead=2, num_encoder_layers=1, num_decoder_layers=1,
                                   dim_feedforward=32, dropout=0.0, batch_first=True)
        self.out = nn.Linear(d, vocab)

    def embed(self, tokens):
        return self.emb(tokens) + self.pos[: tokens.size(1)]

    def forward(self, src, tgt_in):
        causal = self.core.generate_square_subsequent_mask(tgt_in.size(1))
        y = self.core(self.embed(src), self.embed(tgt_in), tgt_mask=causal,
                      src_key_padding_mask=src == self.pad, tgt_key_padding_mask=tgt_in == self.pad)
        return self.out(y)
