def zscore_(logits, eps=1e-7):
    """Logit standardisation (Sun et al., CVPR 2024): z-score each row of logits, in place."""
    mean = logits.mean(dim=-1, keepdim=True)
    stdv = logits.std(dim=-1, keepdim=True)
    return logits.sub_(mean).div_(stdv + eps)  # L
