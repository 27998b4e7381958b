"""Adapter fine-tuning of a frozen encoder with gradient accumulation."""
import torch
import torch.nn.functional as F

from adapters import AdapterConfig, AdaptedEncoder, trainable_parameters

ACCUM_STEPS = 2


def main():
    torch.manual_seed(0)
    model = AdaptedEncoder(AdapterConfig(bottleneck=4, placement="sequential"))
    opt = torch.optim.AdamW(trainable_parameters(model), lr=1e-3)
    batches = [(torch.randint(0, 20, (3, 5)), torch.randint(0, 2, (3,))) for _ in range(4)]
    opt.zero_grad()
    for i, (tokens, labels) in enumerate(batches):
        loss = F.cross_entropy(model(tokens), labels) / ACCUM_STEPS  # L
        loss.backward()
        if (i + 1) % ACCUM_STEPS == 0:
            opt.step()
            opt.zero_grad()
    print("done", loss.item())


if __name__ == "__main__":
    main()
