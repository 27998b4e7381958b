NEG = -1e4


def mask_non_context_(logits, context_mask):
    """Answers may only start or end inside the context: push question and padding positions down."""
    return logits.masked_fill_(~context_mask, NEG)  # L
