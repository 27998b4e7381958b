"""Small tensor helpers shared by the attention variants."""


def split_heads(qkv, n_heads):
    b, n, three_c = qkv.shape
    head_dim = three_c // (3 * n_heads)
    return qkv.reshape(b, n, 3, n_heads, head_dim).permute(2, 0, 3, 1, 4).unbind(0)


def merge_heads(x):
    b, h, n, d = x.shape
    return x.transpose(1, 2).reshape(b, n, h * d)


def scale_(t, factor):
    # in place: q is (batch, heads, tokens, head_dim), the largest activation of the block
    return t.mul_(factor)  # L
