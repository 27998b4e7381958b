import torch
import torch.nn.functional as F


def stabilise_(q, bound):
    """Keep bootstrapped values finite early in training (in place, no copy of the batch)."""
    return q.clamp_(-bound, bound)  # L


def cql_loss(q_all, batch, target, cfg):
    # push down a soft maximum over all actions, push up the dataset action
    data_q = q_all.gather(1, batch["actions"].unsqueeze(1)).squeeze(1)
    return cfg["alpha"] * (torch.logsumexp(q_all, dim=1) - data_q).mean()


def td_loss(q_all, batch, target, cfg):
    q_all = stabilise_(q_all, cfg["q_bound"])  # L
    data_q = q_all.gather(1, batch["actions"].unsqueeze(1)).squeeze(1)
    return F.smooth_l1_loss(data_q, target)
