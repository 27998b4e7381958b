"""``self.head.weight.data`` never requires grad; through an unknown ``head`` the linter doubts it.

From pytorch-ood 0.4.0, ``pytorch_ood/detector/fdbd.py``, ``fDBD._precompute_denom_matrix``
(called from ``fit_features``; ``head`` is the ``Linear`` classification head passed to
``__init__``)::

    w = self.head.weight.data  # (num_classes, feature_dim)
    n_classes = w.shape[0]
    diff = w.unsqueeze(1) - w.unsqueeze(0)  # (C, C, D)
    denom = diff.norm(dim=2)  # (C, C)
    denom[torch.arange(n_classes), torch.arange(n_classes)] = 1.0     # line 93

``.data`` is a tensor that does not require grad, so ``diff`` and ``norm`` record no graph and
``norm`` saves nothing: the write into its output cannot break a backward.

The linter warns (IPL001, "``denom`` is modified in place by ``[]=`` but ``norm`` ... (its
output) saved it for backward ... (if that op saved it on the path taken: it depends on a
branch or on whether its inputs require grad)"): ``self.head`` is a parameter of unknown kind
there, and ``.weight`` of it a value of unknown kind, whose ``.data`` (or ``.detach()``) it does
not take for a tensor free of grad.  With ``w = self.head.data`` (one attribute less) the file is
quiet.

Here the matrix is built from a real head whose weight requires grad, then used in a score that
is backpropagated to the features, cleanly.
"""
import torch
from torch import nn


class FDBD(nn.Module):
    def __init__(self, encoder, head):
        super().__init__()
        self.encoder = encoder
        self.head = head
        self.train_mean = None
        self._denom_matrix = None

    def _precompute_denom_matrix(self):
        w = self.head.weight.data
        n_classes = w.shape[0]
        diff = w.unsqueeze(1) - w.unsqueeze(0)
        denom = diff.norm(dim=2)
        denom[torch.arange(n_classes), torch.arange(n_classes)] = 1.0
        self._denom_matrix = denom

    def fit_features(self, z):
        self.train_mean = z.detach().mean(dim=0)
        self._precompute_denom_matrix()
        return self

    def forward(self, x):
        z = self.encoder(x)
        logits = self.head(z)
        pred = logits.argmax(dim=1)
        margins = (logits.gather(1, pred[:, None]) - logits) / self._denom_matrix[pred]
        return margins.mean(dim=1) / (z - self.train_mean).norm(dim=1)


def main():
    detector = FDBD(nn.Linear(4, 6), nn.Linear(6, 3))
    detector.fit_features(torch.randn(16, 6))
    x = torch.randn(5, 4, requires_grad=True)
    detector(x).sum().backward()
    assert x.grad is not None


if __name__ == "__main__":
    main()
