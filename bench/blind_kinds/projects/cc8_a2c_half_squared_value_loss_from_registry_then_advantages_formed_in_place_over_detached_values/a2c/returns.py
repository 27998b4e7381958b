import torch


@torch.no_grad()
def n_step_returns(rewards, dones, bootstrap, gamma):
    returns = torch.empty_like(rewards)
    running = bootstrap
    for t in reversed(range(rewards.shape[0])):
        running = rewards[t] + gamma * (1 - dones[t]) * running
        returns[t] = running
    return returns


def advantages_(values, returns, normalize=True):
    """returns - values, written over `values` (T x N) to avoid another rollout-sized buffer."""
    adv = values.neg_().add_(returns)  # L
    if normalize:
        adv.sub_(adv.mean()).div_(adv.std() + 1e-8)  # L
    return adv
