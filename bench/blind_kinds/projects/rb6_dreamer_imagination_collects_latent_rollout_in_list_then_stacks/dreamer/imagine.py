"""Imagined rollouts in latent space from the posterior states of a replay batch."""
import torch


class Imagination:
    def __init__(self, world_model, horizon=4, storage="tensor"):
        self.world_model, self.horizon, self.storage = world_model, horizon, storage

    def rollout(self, actor, start):
        if self.storage == "tensor":
            return self._into_tensor(actor, start)
        return self._into_list(actor, start)

    def _into_tensor(self, actor, start):
        states = start.new_empty(self.horizon + 1, *start.shape)
        states[0] = start
        for t in range(self.horizon):
            action = actor(states[t])
            states[t + 1] = self.world_model.step(states[t], action)  # L
        return states

    def _into_list(self, actor, start):
        states = [start]
        for t in range(self.horizon):
            states.append(self.world_model.step(states[t], actor(states[t])))
        return torch.stack(states)
