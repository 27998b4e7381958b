"""Sequence reversal with a step-wise decoder trained with scheduled sampling."""
import torch
import torch.nn.functional as F

from s2s import Seq2Seq, ScheduledSampler


def main():
    torch.manual_seed(0)
    model = Seq2Seq()
    sampler = ScheduledSampler()
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    for step in range(3):
        src = torch.randint(2, 12, (4, 5))
        tgt = src.flip(1)
        logits = model(src, tgt, sampler)  # L
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sampler.tick()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
