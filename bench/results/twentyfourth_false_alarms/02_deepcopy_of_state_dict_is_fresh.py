"""``copy.deepcopy(self.state_dict())`` holds new tensors; the linter keeps the module's.

From DI-engine 0.5.3, ``ding/world_model/ddppo.py``: ``DDPPOWorldMode`` keeps a snapshot of
its weights while it trains the ensemble and copies into it the weights of each member that
improves on the hold-out set::

    def _save_states(self, ):
        self._states = copy.deepcopy(self.state_dict())           # line 495

    def _save_state(self, id):
        state_dict = self.state_dict()
        for k, v in state_dict.items():
            if 'weight' in k or 'bias' in k:
                self._states[k].data[id] = copy.deepcopy(v.data[id])   # line 501

while its ``StandardScaler.transform`` (``ding/world_model/model/ensemble.py:23``,
``(data - self.mu) / self.std``) divides inputs that require grad on the Jacobian path, so
``div`` keeps the ``std`` buffer for backward.  ``copy.deepcopy`` of the state dict makes new
tensors: ``self._states[k]`` never shares storage with ``self.scaler.std`` (or any tensor of the
model), so the write cannot touch a saved tensor (and the ``'weight'``/``'bias'`` test skips
the scaler's entries besides).

In the library the linter warns (IPL004, "writes through ``.data`` to a tensor that ``div`` ...
(its other) saved for backward; ... silently wrong"): its ``copy.deepcopy`` copies a module
object or a tensor but returns a dict or a list unchanged, with the original tensors in it.
With ``{k: v.clone() for k, v in self.state_dict().items()}`` in place of the deepcopy the
library file is quiet.

Here every entry of the snapshot, the scaler's ``std`` included, is zeroed between the
forward and the backward that reaches the ``div`` (a harder case than the library's, which
skips the scaler's entries); the write is flagged the same way (an error here, where the
inputs surely require grad), and the script backpropagates cleanly with the gradient of the
untouched ``std``.
"""
import copy

import torch
from torch import nn


class StandardScaler(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("std", torch.full((1, n), 2.0))

    def transform(self, x):
        return x / self.std


class WorldModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.scaler = StandardScaler(3)
        self.fc = nn.Linear(3, 2)
        self._states = None

    def _save_states(self):
        self._states = copy.deepcopy(self.state_dict())

    def _save_state(self, i):
        state_dict = self.state_dict()
        for k, v in state_dict.items():
            self._states[k].data[i] = copy.deepcopy(v.data[i]) * 0


def main():
    model = WorldModel()
    model._save_states()
    x = torch.randn(4, 3, requires_grad=True)
    y = model.fc(model.scaler.transform(x))
    model._save_state(0)
    y.sum().backward()
    expected = model.fc.weight.sum(0) / 2.0
    assert torch.allclose(x.grad, expected.expand(4, 3))


if __name__ == "__main__":
    main()
