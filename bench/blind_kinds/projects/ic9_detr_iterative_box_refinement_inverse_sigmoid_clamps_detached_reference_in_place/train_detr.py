"""Train a toy DETR decoder with iterative box refinement and auxiliary per-layer losses."""
import torch

from detr import AuxL1Criterion, RefineDecoder


def main():
    torch.manual_seed(0)
    dec = RefineDecoder()
    crit = AuxL1Criterion([0.5, 0.5, 1.0])
    opt = torch.optim.AdamW(dec.parameters(), lr=1e-3)
    for _ in range(2):
        memory = torch.randn(2, 6, 8)
        target = torch.rand(2, 5, 4)
        loss = crit(dec(memory), target)
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
