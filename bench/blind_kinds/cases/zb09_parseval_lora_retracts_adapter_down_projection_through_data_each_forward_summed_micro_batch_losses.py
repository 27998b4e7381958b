"""LoRA whose down-projection A is kept near-orthonormal by one Bjorck (Parseval) retraction step
through .data at the start of each training forward; gradient accumulation sums the micro-batch
losses and calls backward once per optimizer step."""
import copy

import torch
import torch.nn as nn

MICRO_BATCHES = 2


class ParsevalLoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, rank=2, beta=0.3):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.beta = beta
        self.lora_A = nn.Parameter(torch.randn(rank, base.in_features) * 0.5)
        self.lora_B = nn.Parameter(torch.randn(base.out_features, rank) * 0.1)

    def retract(self):
        a = self.lora_A.data
        a.copy_((1 + self.beta) * a - self.beta * a @ a.t() @ a)  # L

    def forward(self, x):
        if self.training:
            self.retract()  # L
        return self.base(x) + (x @ self.lora_A.t()) @ self.lora_B.t()


def build_model():
    return nn.Sequential(ParsevalLoRALinear(nn.Linear(6, 8)), nn.Tanh(), ParsevalLoRALinear(nn.Linear(8, 3)))


def micro_batches(step):
    g = torch.Generator().manual_seed(step)
    return [(torch.randn(4, 6, generator=g), torch.randn(4, 3, generator=g)) for _ in range(MICRO_BATCHES)]


def accumulate(model, batches):
    total = 0.0
    for x, y in batches:
        total = total + (model(x) - y).pow(2).mean() / len(batches)
    total.backward()


def run():
    torch.manual_seed(0)
    model = build_model()
    opt = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.05)
    for step in range(2):
        opt.zero_grad()
        accumulate(model, micro_batches(step))
        opt.step()


def silent_hazard():
    """The gradient of the summed loss where each micro-batch keeps the A it was computed with."""
    torch.manual_seed(0)
    model = build_model()
    reference = copy.deepcopy(model)
    batches = micro_batches(0)
    accumulate(model, batches)
    for x, y in batches:
        ((reference(x) - y).pow(2).mean() / len(batches)).backward()
    got = [p.grad for p in model.parameters() if p.requires_grad]
    want = [p.grad for p in reference.parameters() if p.requires_grad]
    return not all(torch.allclose(a, b, atol=1e-6) for a, b in zip(got, want))
