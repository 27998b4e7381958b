"""Pairwise reward-model losses, looked up by the name in the training config."""
import torch.nn.functional as F

LOSSES = {}


def register(name):
    def wrap(fn):
        LOSSES[name] = fn
        return fn
    return wrap


@register("bt")
def bradley_terry(rewards, n_pairs):
    chosen, rejected = rewards[:n_pairs], rewards[n_pairs:]
    return -F.logsigmoid(chosen - rejected).mean()


@register("centered_bt")
def centered_bradley_terry(rewards, n_pairs, coef=0.01):
    """Bradley-Terry plus the reward-centering penalty that keeps rewards near zero."""
    return bradley_terry(rewards, n_pairs) + coef * rewards.pow(2).mean()
