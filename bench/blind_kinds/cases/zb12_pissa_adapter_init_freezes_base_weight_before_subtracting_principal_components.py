"""PiSSA initialisation of LoRA adapters: A and B take the top-r singular triplets of the pretrained
weight and the base keeps the residual, W - U_r S_r V_r^T, subtracted in place; each wrapper
freezes its base before the subtraction (mark_only_adapters_trainable runs over the model after)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PiSSALinear(nn.Module):
    def __init__(self, base: nn.Linear, rank=2):
        super().__init__()
        self.base = base.requires_grad_(False)
        u, s, vh = torch.linalg.svd(base.weight.detach(), full_matrices=False)
        root = s[:rank].sqrt()
        self.lora_A = nn.Parameter(root[:, None] * vh[:rank])
        self.lora_B = nn.Parameter(u[:, :rank] * root)
        self.base.weight.sub_(self.lora_B.detach() @ self.lora_A.detach())  # L

    def forward(self, x):
        return self.base(x) + F.linear(F.linear(x, self.lora_A), self.lora_B)


def inject(model, names, rank):
    for name, module in list(model.named_children()):
        if name in names and isinstance(module, nn.Linear):
            setattr(model, name, PiSSALinear(module, rank))  # L
    return model


def mark_only_adapters_trainable(model):
    for name, p in model.named_parameters():
        p.requires_grad_("lora_" in name)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.Linear(6, 12)
        self.down = nn.Linear(12, 4)

    def forward(self, x):
        return self.down(F.gelu(self.up(x)))


def run():
    torch.manual_seed(0)
    model = inject(MLP(), {"up", "down"}, rank=2)  # L
    mark_only_adapters_trainable(model)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(5, 6), torch.randint(0, 4, (5,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
