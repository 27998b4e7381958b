import torch.nn as nn
import torch.nn.functional as F

from .heads import SpanHead
from .masking import mask_non_context_


class SpanQA(nn.Module):
    def __init__(self, vocab=30, d_model=16, heads=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.encoder = nn.TransformerEncoderLayer(d_model, heads, dim_feedforward=32, dropout=0.0,
                                                  batch_first=True)
        self.head = SpanHead(d_model)

    def forward(self, tokens, context_mask):
        start, end = self.head(self.encoder(self.embed(tokens)))
        return [mask_non_context_(logits, context_mask) for logits in (start, end)]  # L


def span_loss(outputs, start_pos, end_pos):
    start, end = outputs
    return 0.5 * (F.cross_entropy(start, start_pos) + F.cross_entropy(end, end_pos))
