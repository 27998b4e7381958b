"""A ``fit`` decorated to receive ``np.asarray(x)`` computes its statistics in NumPy.

From torch-spatiotemporal 0.9.5, ``tsl/data/preprocessing/scalers.py``: every scaler's
``fit`` is wrapped by ``fit_wrapper``, which converts the data before the body runs, and
``StandardScaler.fit`` ends with the sklearn-style guard against zero scales::

    def fit_wrapper(fit_function):
        def fit(obj, x, *args, **kwargs):
            x_type = type(x)
            x = np.asarray(x)                                   # line 43
            fit_function(obj, x, *args, **kwargs)
            ...

    @fit_wrapper
    def fit(self, x: TensArray, mask=None, keepdims=True):
        ...
        self.scale = x.std(axis=self.axis, keepdims=keepdims)  # line 216
        self.scale = zeros_to_one_(self.scale)                  # line 217

    def zeros_to_one_(scale):
        ...
        eps = 10 * np.finfo(scale.dtype).eps
        zeros = np.isclose(scale, 0., atol=eps, rtol=eps)
        scale[zeros] = 1.0                                      # line 35

``x`` is a NumPy array inside the body, so ``std`` is NumPy's and the write touches no
autograd graph; the result is turned into tensors afterwards (``obj.torch()``).  (A tensor could
not even reach the write: ``np.finfo`` of a torch dtype raises.)

In the library the linter warns (``scale`` "is modified in place by ``[]=`` but ``std`` at line
216 (its output) saved it ... [via zeros_to_one_() called at line 217]"): it judges the
decorated body with ``x`` of unknown origin, as if it were called directly, and takes
``x.std(axis=..., keepdims=...)`` for torch's (which accepts those names too).  Here the same
wrapper and scaler, fitted on a tensor and used to normalise a model's inputs; the same line is
flagged the same way (a warning), and training runs.
"""
import numpy as np
import torch
from torch import nn


def zeros_to_one_(scale):
    eps = 10 * np.finfo(scale.dtype).eps
    zeros = np.isclose(scale, 0., atol=eps, rtol=eps)
    scale[zeros] = 1.0
    return scale


def fit_wrapper(fit_function):
    def fit(obj, x, *args, **kwargs):
        x_type = type(x)
        x = np.asarray(x)
        fit_function(obj, x, *args, **kwargs)
        if x_type is torch.Tensor:
            obj.torch()
        return obj
    return fit


class StandardScaler:
    def __init__(self, axis=0):
        self.axis = axis
        self.bias = 0.
        self.scale = 1.

    @fit_wrapper
    def fit(self, x, keepdims=True):
        self.bias = x.mean(axis=self.axis, keepdims=keepdims)
        self.scale = x.std(axis=self.axis, keepdims=keepdims)
        self.scale = zeros_to_one_(self.scale)
        return self

    def torch(self):
        self.bias = torch.as_tensor(self.bias)
        self.scale = torch.as_tensor(self.scale)
        return self

    def transform(self, x):
        return (x - self.bias) / self.scale


if __name__ == "__main__":
    torch.manual_seed(0)
    data = torch.randn(100, 3)
    data[:, 2] = 5.0
    scaler = StandardScaler().fit(data)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(3):
        loss = model(scaler.transform(data)).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("ok")
