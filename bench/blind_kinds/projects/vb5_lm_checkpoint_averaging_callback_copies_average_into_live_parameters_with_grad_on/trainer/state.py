import torch


def snapshot(model):
    return {name: p.detach().clone() for name, p in model.named_parameters()}


def average(states):
    return {name: torch.stack([s[name] for s in states]).mean(0) for name in states[0]}


def load_into(model, state):
    """Copy a parameter snapshot into the live model, keeping the optimizer's references."""
    for name, p in model.named_parameters():
        p.copy_(state[name])  # L
