import torch


def zero_padding_(hidden, attention_mask):
    """Zero the hidden states of padded positions (saves a copy of the whole sequence batch)."""
    return hidden.masked_fill_(~attention_mask.bool().unsqueeze(-1), 0.0)  # L


def masked_mean(x, mask):
    mask = mask.to(x.dtype)
    return (x * mask).sum() / mask.sum().clamp(min=1.0)


def logprobs_of(logits, tokens):
    return torch.log_softmax(logits, dim=-1).gather(-1, tokens.unsqueeze(-1)).squeeze(-1)
