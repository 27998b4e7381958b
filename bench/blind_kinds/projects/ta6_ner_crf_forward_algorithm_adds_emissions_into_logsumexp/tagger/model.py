from dataclasses import dataclass

import torch.nn as nn

import tagger.crf as crf_lib


@dataclass
class TaggerConfig:
    vocab: int = 20
    n_tags: int = 5
    emb: int = 8
    hidden: int = 6
    dropout: float = 0.1


class BiGRUTagger(nn.Module):
    def __init__(self, cfg: TaggerConfig):
        super().__init__()
        self.embed = nn.Embedding(cfg.vocab, cfg.emb, padding_idx=0)
        self.rnn = nn.GRU(cfg.emb, cfg.hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(cfg.dropout)
        self.proj = nn.Linear(2 * cfg.hidden, cfg.n_tags)
        self.crf = crf_lib.CRF(cfg.n_tags)

    def emissions(self, tokens):
        h, _ = self.rnn(self.embed(tokens))
        return self.proj(self.drop(h))

    def loss(self, tokens, tags):
        mask = tokens != 0
        return self.crf(self.emissions(tokens), tags, mask)  # L
