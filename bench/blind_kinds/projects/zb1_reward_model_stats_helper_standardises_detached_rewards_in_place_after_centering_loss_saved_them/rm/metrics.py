"""Logging statistics of a batch of rewards (no gradient wanted here)."""


def reward_stats(rewards, n_pairs, eps=1e-6):
    r = rewards.detach()
    margin = (r[:n_pairs] - r[n_pairs:]).mean().item()
    accuracy = (r[:n_pairs] > r[n_pairs:]).float().mean().item()
    # z-scores of the batch, computed in the detached tensor to save an allocation
    r.sub_(r.mean()).div_(r.std() + eps)  # L
    return {"margin": margin, "accuracy": accuracy, "max_z": r.abs().max().item()}
