"""``if not self._centers._params.requires_grad:`` guards the write; the linter does not decide it.

From pytorch-ood 0.4.0, ``pytorch_ood/loss/center.py``, ``CenterLoss._init_centers`` (called
from ``__init__``; ``MCHADLoss.__init__`` builds ``CenterLoss(n_classes=..., n_dim=...,
radius=...)``, so ``fixed`` keeps its default False)::

    if self.num_classes == self.feat_dim:
        torch.nn.init.eye_(self._centers._params)
        if not self._centers._params.requires_grad:
            self._centers._params.mul_(self.magnitude)          # line 119

with ``ClassCenters.__init__`` (``pytorch_ood/model/centers.py``)::

    self._params = nn.Parameter(torch.randn(size=(n_classes, n_features)))
    if fixed:
        self._params.requires_grad = False

The scaling runs only on fixed centers, which do not require grad: on learnable ones (MCHAD's)
the test is false and ``mul_`` never runs, so the in-place op cannot touch a leaf that
requires grad.

The linter reports an error (IPL002, "``self._centers._params`` is a leaf tensor that requires
grad and ``mul_`` modifies it in place with grad enabled"): it decides a ``requires_grad`` test
only on a plain name; through the attribute chain the branch stays open.  With ``p =
self._centers._params`` and ``if not p.requires_grad: p.mul_(...)`` this file is quiet.

Here MCHAD's learnable centers are built and backpropagated through, and fixed centers are
scaled, both cleanly.
"""
import torch
from torch import nn


class ClassCenters(nn.Module):
    def __init__(self, n_classes, n_features, fixed=False):
        super().__init__()
        self._params = nn.Parameter(torch.randn(size=(n_classes, n_features)))
        if fixed:
            self._params.requires_grad = False

    @property
    def params(self):
        return self._params

    def forward(self, x):
        return torch.cdist(x, self.params) ** 2


class CenterLoss(nn.Module):
    def __init__(self, n_classes, n_dim, magnitude=1.0, fixed=False):
        super().__init__()
        self.num_classes = n_classes
        self.feat_dim = n_dim
        self.magnitude = magnitude
        self._centers = ClassCenters(n_classes=n_classes, n_features=n_dim, fixed=fixed)
        self._init_centers()

    def _init_centers(self):
        if self.num_classes == self.feat_dim:
            torch.nn.init.eye_(self._centers._params)
            if not self._centers._params.requires_grad:
                self._centers._params.mul_(self.magnitude)
        else:
            torch.nn.init.normal_(self._centers.params)

    def forward(self, z, y):
        d = self._centers(z)
        return d.gather(1, y[:, None]).mean()


class MCHADLoss(nn.Module):
    def __init__(self, n_classes, n_dim):
        super().__init__()
        self.center_loss = CenterLoss(n_classes=n_classes, n_dim=n_dim)

    def forward(self, z, y):
        return self.center_loss(z, y)


def main():
    crit = MCHADLoss(3, 3)
    z = torch.randn(8, 3, requires_grad=True)
    crit(z, torch.randint(0, 3, (8,))).backward()
    fixed = CenterLoss(3, 3, magnitude=5.0, fixed=True)
    assert torch.equal(fixed._centers._params, 5.0 * torch.eye(3))


if __name__ == "__main__":
    main()
