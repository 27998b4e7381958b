"""Reduced from TTS 0.22.0, TTS/tts/layers/overflow/common_layers.py:310-313
(``OverflowUtils.logsumexp``, the OverFlow model's forward algorithm)::

    m, _ = x.max(dim=dim)
    mask = m == -float("inf")
    s = (x - m.masked_fill_(mask, 0).unsqueeze(dim=dim)).exp().sum(dim=dim)
    return s.masked_fill_(mask, 1).log() + m.masked_fill_(mask, -float("inf"))

Safe: ``max`` along a dimension saves its *indices* (output 1) for backward,
never its values (output 0); only the full reduction ``x.max()`` saves its
result.  So the values may be written in place, and ``x - m`` (a sub) keeps
nothing of ``m``.  Backward runs and gives softmax(x), and 0 on an all ``-inf``
row.  The linter warns that ``max`` (its output) saved ``m``.
"""
import torch


def logsumexp(x, dim):
    m, _ = x.max(dim=dim)
    mask = m == -float("inf")
    s = (x - m.masked_fill_(mask, 0).unsqueeze(dim=dim)).exp().sum(dim=dim)
    return s.masked_fill_(mask, 1).log() + m.masked_fill_(mask, -float("inf"))


def main():
    x = torch.randn(3, 5)
    x[0] = -float("inf")
    x.requires_grad_()
    logsumexp(x, 1).sum().backward()
    assert torch.allclose(x.grad[1:], torch.softmax(x[1:], 1))
    assert torch.equal(x.grad[0], torch.zeros(5))
    print("ok")


if __name__ == "__main__":
    main()
