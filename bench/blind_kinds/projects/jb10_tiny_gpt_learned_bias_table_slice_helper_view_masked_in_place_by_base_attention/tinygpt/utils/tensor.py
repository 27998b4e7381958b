import torch


def leading_square(table, n):
    """The top-left n x n block of the last two dims (a view, no copy)."""
    return table[..., :n, :n]


def random_token_batches(steps, batch_size, block_size, vocab_size):
    for _ in range(steps):
        yield torch.randint(0, vocab_size, (batch_size, block_size))
