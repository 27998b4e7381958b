"""Small tensor helpers shared by the router and the experts."""
import torch


def router_z_loss(logits):
    """ST-MoE's z-loss: the squared log-partition of the router, which keeps the logits small."""
    return torch.logsumexp(logits, dim=-1).pow(2).mean()


def load_balance_loss(probs, expert_index, num_experts):
    """Switch Transformer's auxiliary loss: fraction of tokens times mean probability, per expert."""
    frac = torch.bincount(expert_index, minlength=num_experts).float() / expert_index.numel()
    return num_experts * (frac * probs.mean(0)).sum()


def apply_temperature_(logits, temperature):
    if temperature != 1.0:
        logits.div_(temperature)  # L
    return logits
