"""``.float()`` of a float64 tensor is a copy: writing it leaves the op's kept output alone.

From torch-uncertainty 0.13.0, ``torch_uncertainty/datasets/regression/tabular/base.py``:
``TabularRegressionDataset._compute_statistics`` (line 106) computes the statistics in float64
and casts them back::

    d = (self.data if data is None else data).double()
    ...
    self.data_std = d.std(dim=0).float()
    self.data_std[self.data_std == 0] = 1        # line 118
    ...
    self.target_std = t.std(dim=0).float()
    self.target_std[self.target_std == 0] = 1    # line 121

``std`` keeps its output for the gradient, but that output is float64 (``d`` is the
``.double()`` of the data), so ``.float()`` always makes a new float32 tensor, and the
zero-guard writes that copy, which no op kept (``_to_copy``'s backward keeps nothing).  Safe
even for data that requires grad (there the data are read from files and never do).

In the library the linter warns (``self.data_std`` "modified in place by ``[]=`` but ``std`` at
line 117 (its output) saved it ...", "if ``.float()`` returned its input itself"): it does not
follow the dtype through ``.double()`` and the reduction, so it cannot tell that ``.float()``
converts.  Here the same statistics are taken of a ``Linear``'s output (a feature
standardisation inside the loss); the same line is flagged the same way, and backward runs.
"""
import torch
from torch import nn


def feature_scale(features):
    """The per-feature std, taken in float64 for precision, with zero stds set to 1."""
    d = features.double()
    std = d.std(dim=0).float()
    std[std == 0] = 1
    return std


if __name__ == "__main__":
    torch.manual_seed(0)
    encoder = nn.Linear(5, 3)
    optimizer = torch.optim.SGD(encoder.parameters(), lr=0.1)
    for _ in range(3):
        features = encoder(torch.randn(8, 5))
        loss = (features / feature_scale(features)).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("ok")
