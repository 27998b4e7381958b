"""A state reset behind ``callable(getattr(m, "reset", None))`` does run: the old graph is dropped.

From spikingjelly 2.0.0, ``spikingjelly/activation_based/examples/spiking_a2c.py``: the spiking
actor-critic keeps each head's output in the membrane potential ``v`` of its last neuron, and
``functional.reset_net(model)`` puts every neuron back after each forward::

    for t in range(self.T):                    # ActorCritic.forward
        self.critic(x)                          # line 63: its Linear layers keep their weights
        ...
    _, next_value = model(next_state)           # line 174: the bootstrap value
    functional.reset_net(model)
    returns = compute_returns(next_value, rewards, masks)
    returns = torch.cat(returns).detach()       # line 179
    ...
    loss.backward()
    optimizer.step()                            # line 191

``reset_net`` (functional/net_config.py) calls ``m.reset()`` on each module of
``net.modules()`` for which ``callable(getattr(m, "reset", None))``; a neuron's ``reset``
rebinds ``v`` to its float reset value.  So the graph of the bootstrap forward (only reached
through ``.detach()``) and that of ``test_env``'s evaluation forward (its outputs dropped) are
held by nothing when the optimiser steps; no backward ever reaches them.

In the library the linter reports an error ("``optimizer.step()`` updates parameters in place
that ``Linear`` at line 63 (its weight) saved for a backward that has not run yet"): it cannot
decide the ``getattr``/``hasattr`` test on a neuron whose class defines ``reset``, so on one of
its paths the reset is skipped and ``v`` still holds the graph, which the next forward would
chain onto.  Here the same bootstrap step, with the test written as the library writes it; the
step is flagged the same way (an error), and the training runs.
"""
import torch
import torch.nn as nn


class LeakyIntegrator(nn.Module):
    """A non-spiking LIF neuron: its membrane potential ``v`` is its output and its state."""

    def __init__(self, tau=2.0):
        super().__init__()
        self.tau = tau
        self.v = 0.0

    def forward(self, x):
        self.v = self.v + (x - self.v) / self.tau
        return self.v

    def reset(self):
        self.v = 0.0


def reset_net(net):
    for m in net.modules():
        if callable(getattr(m, "reset", None)):
            m.reset()


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.critic = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1), LeakyIntegrator())

    def forward(self, x):
        return self.critic(x)


def compute_returns(next_value, rewards, gamma=0.99):
    r = next_value
    returns = []
    for reward in reversed(rewards):
        r = reward + gamma * r
        returns.insert(0, r)
    return returns


if __name__ == "__main__":
    torch.manual_seed(0)
    model = Critic()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
    for _ in range(4):
        values, rewards = [], []
        for _ in range(5):
            values.append(model(torch.randn(4, 4)))
            reset_net(model)
            rewards.append(torch.randn(4, 1))
        next_value = model(torch.randn(4, 4))
        reset_net(model)
        returns = torch.cat(compute_returns(next_value, rewards)).detach()
        loss = (returns - torch.cat(values)).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("ok")
