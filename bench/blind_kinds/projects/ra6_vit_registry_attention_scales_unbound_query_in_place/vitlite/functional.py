"""Small tensor helpers shared by the attention variants."""


def scale_(t, factor):
    """Scale in place (queries are the largest temporaries in attention)."""
    return t.mul_(factor)  # L


def softmax_attention(q, k, v):
    attn = (q @ k.transpose(-2, -1)).softmax(dim=-1)
    return attn @ v
