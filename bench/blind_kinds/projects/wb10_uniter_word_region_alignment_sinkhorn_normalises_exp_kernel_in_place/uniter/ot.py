import torch


def sinkhorn_plan(cost, eps=0.1, iters=5):
    """Entropic optimal transport plan between uniform word and region marginals."""
    plan = torch.exp(-cost / eps)
    for _ in range(iters):
        plan.div_(plan.sum(2, keepdim=True))  # L
        plan.div_(plan.sum(1, keepdim=True))  # L
    return plan / plan.sum((1, 2), keepdim=True)
