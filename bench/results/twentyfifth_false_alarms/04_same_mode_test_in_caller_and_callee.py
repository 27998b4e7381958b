"""The same ``mode == "hard"`` test in caller and callee: the write never meets the sigmoid.

From texar-pytorch 0.1.4, ``texar/torch/core/attention_mechanism.py``::

    def _monotonic_probability_fn(score, previous_alignments, sigmoid_noise, mode):
        ...
        if mode == "hard":
            p_choose_i = (score > 0).type(score.dtype)
        else:
            p_choose_i = torch.sigmoid(score)                          # line 638
        return monotonic_attention(p_choose_i, previous_alignments, mode)

    def monotonic_attention(p_choose_i, previous_attention, mode):
        ...
        elif mode == "hard":
            p_choose_i *= torch.cumsum(previous_attention, dim=1)      # line 582

``mode`` is the same string in both functions: the in-place product runs only in hard mode, where
``p_choose_i`` is the 0/1 result of a comparison (no graph, nothing saved), never on the
``sigmoid``'s output, which ``sigmoid`` keeps for backward.

The linter warns (IPL001, "``p_choose_i`` is modified in place by ``*=`` but ``sigmoid`` ...
(its output) saved it for backward ... (on the paths where it is the saved tensor)"): ``mode``
is a parameter of unknown value, and the branch the caller took on it is not carried into the
callee's test on the same value, so the sigmoid's path meets the hard-mode write.

Here the parallel mode is backpropagated and the hard mode run, both cleanly.
"""
import torch
from torch import nn


def monotonic_attention(p_choose_i, previous_attention, mode):
    if mode == "parallel":
        attention = p_choose_i * torch.cumsum(previous_attention, dim=1)
    elif mode == "hard":
        p_choose_i *= torch.cumsum(previous_attention, dim=1)
        shifted = torch.cat((p_choose_i.new_ones(p_choose_i.shape[0], 1), 1 - p_choose_i[:, :-1]), 1)
        attention = p_choose_i * torch.cumprod(shifted, dim=1)
    else:
        raise ValueError("mode must be 'parallel' or 'hard'.")
    return attention


def monotonic_probability_fn(score, previous_alignments, mode):
    if mode == "hard":
        p_choose_i = (score > 0).type(score.dtype)
    else:
        p_choose_i = torch.sigmoid(score)
    return monotonic_attention(p_choose_i, previous_alignments, mode)


class MonotonicAttention(nn.Module):
    def __init__(self, n, mode="parallel"):
        super().__init__()
        self.proj = nn.Linear(n, n)
        self.mode = mode

    def forward(self, query, previous_alignments):
        return monotonic_probability_fn(self.proj(query), previous_alignments, self.mode)


def main():
    q = torch.randn(2, 5, requires_grad=True)
    prev = torch.softmax(torch.randn(2, 5), dim=1)
    MonotonicAttention(5, "parallel")(q, prev).sum().backward()
    assert q.grad is not None
    hard = MonotonicAttention(5, "hard")(q, prev)  # a 0/1 choice: no gradient flows
    assert not hard.requires_grad


if __name__ == "__main__":
    main()
