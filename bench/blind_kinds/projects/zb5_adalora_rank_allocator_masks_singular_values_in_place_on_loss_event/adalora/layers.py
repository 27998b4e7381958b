import torch
import torch.nn as nn
import torch.nn.functional as F


class SVDLinear(nn.Module):
    """AdaLoRA's update P diag(E) Q on a frozen Linear; pruning E lowers the adapter's rank."""

    def __init__(self, base: nn.Linear, rank=4, alpha=8.0):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.randn(rank, base.in_features) * 0.02)
        self.lora_E = nn.Parameter(torch.zeros(rank, 1))
        self.lora_B = nn.Parameter(torch.randn(base.out_features, rank) * 0.02)
        self.scaling, self.ranknum = alpha, float(rank)

    def forward(self, x):
        delta = self.lora_B @ (self.lora_A * self.lora_E)
        return self.base(x) + F.linear(x, delta) * (self.scaling / self.ranknum)


def wrap_linears(model, suffixes, **kw):
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, nn.Linear) and child_name.endswith(tuple(suffixes)):
                setattr(module, child_name, SVDLinear(child, **kw))
    return model
