import torch
from torch.distributions import Categorical


def unroll(policy, observations, firsts, rewards, gamma=0.99):
    """Online actor-critic over a short unroll, backpropagating through time within it."""
    log_probs, values, entropies = [], [], []
    for obs, first in zip(observations, firsts):
        logits, value = policy(obs, first)  # L
        dist = Categorical(logits=logits)
        log_probs.append(dist.log_prob(dist.sample()))
        values.append(value)
        entropies.append(dist.entropy())
    values = torch.stack(values)
    with torch.no_grad():
        returns, running = torch.empty_like(rewards), values[-1].detach()
        for t in reversed(range(rewards.shape[0])):
            running = rewards[t] + gamma * running
            returns[t] = running
    adv = (returns - values).detach()
    loss = -(torch.stack(log_probs) * adv).mean() + 0.5 * (returns - values).pow(2).mean()
    return loss - 0.01 * torch.stack(entropies).mean()
