"""FCOS-style dense detector head on one level with random per-location targets."""
import torch
import torch.nn.functional as F

from fcos import FusedHead, HeadConfig


def main():
    torch.manual_seed(0)
    cfg = HeadConfig()
    head = FusedHead(cfg)
    opt = torch.optim.SGD(head.parameters(), lr=0.01)
    for _ in range(2):
        out = head(torch.randn(2, cfg.channels, 6, 6))
        cls_t = (torch.rand_like(out["cls"]) > 0.8).float()
        loss = (F.binary_cross_entropy_with_logits(out["cls"], cls_t)
                + F.l1_loss(out["box"], torch.rand_like(out["box"]) * 4)
                + F.binary_cross_entropy(out["ctr"], torch.rand_like(out["ctr"])))
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
