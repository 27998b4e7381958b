"""A loop over ``net.modules()`` visits each module once, even when a module holds a function.

From spikingjelly 2.0.0,
``spikingjelly/activation_based/examples/cifar10_r11_enabling_spikebased_backpropagation.py``:
after the forward, the training loop computes each firing LIF neuron's gradient scale::

    for m in net.modules():
        if isinstance(m, LIFNode) and m.fire:
            m.v_acc += (m.v_acc < 1e-3).float()                    # line 401
            m.new_grad = (m.v_acc_l > 1e-3).float() + math.log(
                1 - 1 / m.tau
            ) * torch.div(m.v_acc_l, m.v_acc)                      # line 404

``torch.div`` keeps ``m.v_acc``, but the next iteration's ``m`` is another neuron
(``modules()`` yields each module once), whose ``v_acc`` is another tensor; and the ``div``
only feeds ``new_grad``, which the neurons' gradient hooks use under backward's no-grad mode.

In the library the linter warns ("``m.v_acc`` is modified in place by ``+=`` but ``div`` at
line 404 in the previous iteration (its other) saved it ..."): ``BaseNode.__init__`` stores
``self.surrogate_function = surrogate_function`` (a custom Function's ``apply``), and a module
attribute holding a function (or a non-empty list) keeps the linter from listing the modules
one by one, so the loop variable stands for all of them in every pass and the write of one
pass meets the save of the pass before.  Here one firing neuron and one that does not (the
library's ``lif_out = LIFNode(fire=False)``), each holding its surrogate function; the same
line is flagged the same way (a warning), and training runs.  Without the function attribute
(or with ``None`` there) the linter is quiet.
"""
import math

import torch
from torch import nn


class Neuron(nn.Module):
    def __init__(self, fire=True, tau=100.0):
        super().__init__()
        self.fire = fire
        self.tau = tau
        self.surrogate_function = torch.sigmoid
        self.v_acc = 0
        self.v_acc_l = 0
        self.new_grad = None

    def forward(self, x):
        if self.fire:
            self.v_acc += x
            self.v_acc_l = self.v_acc_l * (1 - 1 / self.tau) + x
        return x

    def reset(self):
        self.v_acc = 0
        self.v_acc_l = 0


if __name__ == "__main__":
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), Neuron(), nn.Linear(8, 2), Neuron(fire=False))
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    for _ in range(3):
        for t in range(4):
            output = net(torch.randn(5, 4))
        for m in net.modules():
            if isinstance(m, Neuron) and m.fire:
                m.v_acc += (m.v_acc < 1e-3).float()
                m.new_grad = (m.v_acc_l > 1e-3).float() + math.log(1 - 1 / m.tau) * torch.div(m.v_acc_l, m.v_acc)
        loss = output.pow(2).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        for m in net.modules():
            if isinstance(m, Neuron):
                m.reset()
    print("ok")
