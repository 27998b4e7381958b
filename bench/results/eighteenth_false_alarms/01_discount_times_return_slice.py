"""pfrl 0.1.0: IPL001 warning at pfrl/agents/a2c.py:166 (``self.returns[i] = (self.rewards[i] +
self.gamma * self.returns[i + 1] * self.masks[i])`` in ``A2C._compute_returns``), "`self.returns`
is modified in place by `[]=` but `mul` at line 167 (its other) saved it for backward ... (if that
op saved it on the path taken: it depends on a branch or on whether its inputs require grad)
[via _batch_act_train() called at line 218, update() called at line 240, _compute_returns() called
at line 175]".

A2C keeps its rollout in buffers made with ``torch.zeros`` and computes the discounted returns
backwards in place: each step's return is the reward plus ``gamma`` times the next step's return
(a slice of the same buffer), written into the step's own slice.  ``gamma * returns[i + 1]`` keeps
``returns[i + 1]`` for the gradient of ``gamma`` only, that is only when ``gamma`` is a tensor
that requires grad; writing ``returns[i]`` (which shares the buffer's version counter) would then
break the backward.  ``gamma`` is the discount factor, a Python float given to the constructor
(documented "Discount factor [0,1]"); a number keeps nothing of the tensor it multiplies.  (Nor
does the buffer ever require grad: the bootstrap value is computed under ``no_grad``, the rewards
and masks come from the environment.)  The returns are the critic's regression target.

In the engine's terms: ``self.gamma`` is set from a constructor argument of unknown type, taken
for a possible tensor with grad, so the mul's other operand (a view of the buffer) counts as
possibly saved and the slice assignment as a write into it.  The same family as
``eleventh_false_alarms/02`` (a tensor scaled by a number read from metadata).  Runs and trains
(three updates of a small actor-critic).
"""
import argparse

import torch
from torch import nn


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=2):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU())
        self.pi = nn.Linear(16, n_actions)
        self.v = nn.Linear(16, 1)

    def forward(self, obs):
        h = self.body(obs)
        return torch.distributions.Categorical(logits=self.pi(h)), self.v(h)


class A2C:
    def __init__(self, model, optimizer, gamma, num_processes, update_steps=5):
        self.model = model
        self.optimizer = optimizer
        self.gamma = gamma
        self.update_steps = update_steps
        self.returns = torch.zeros(update_steps + 1, num_processes)
        self.rewards = torch.zeros(update_steps, num_processes)
        self.masks = torch.ones(update_steps, num_processes)
        self.states = torch.zeros(update_steps + 1, num_processes, 4)
        self.actions = torch.zeros(update_steps, num_processes, dtype=torch.long)

    def _compute_returns(self, next_value):
        self.returns[-1] = next_value
        for i in reversed(range(self.update_steps)):
            self.returns[i] = self.rewards[i] + self.gamma * self.returns[i + 1] * self.masks[i]

    def update(self):
        with torch.no_grad():
            _, next_value = self.model(self.states[-1])
        self._compute_returns(next_value[:, 0])
        dist, values = self.model(self.states[:-1])
        advantages = self.returns[:-1] - values[..., 0]
        loss = (advantages * advantages).mean() - (advantages.detach() * dist.log_prob(self.actions)).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gamma", type=float, default=0.99)
    args = parser.parse_args([])
    model = ActorCritic()
    agent = A2C(model, torch.optim.Adam(model.parameters(), 1e-3), args.gamma, num_processes=3)
    for _ in range(3):
        agent.states.normal_()
        agent.rewards.uniform_()
        with torch.no_grad():
            agent.actions.copy_(model(agent.states[:-1])[0].sample())
        agent.update()


if __name__ == "__main__":
    main()
