import torch.nn as nn


class SpanHead(nn.Module):
    """Start and end logits from one projection, as BERT-style QA heads do."""

    def __init__(self, d_model):
        super().__init__()
        self.qa_outputs = nn.Linear(d_model, 2)

    def forward(self, h):
        logits = self.qa_outputs(h)
        start, end = logits.split(1, dim=-1)
        return start.squeeze(-1).contiguous(), end.squeeze(-1).contiguous()
