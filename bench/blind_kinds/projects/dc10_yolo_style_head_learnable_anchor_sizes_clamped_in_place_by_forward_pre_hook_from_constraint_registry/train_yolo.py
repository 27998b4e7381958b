"""Train a toy single-scale anchor head whose anchor sizes are parameters."""
import torch

from yolokit import AnchorHead, attach, box_loss

CFG = {"constraints": {"min_anchor_size": 2.0, "max_anchor_size": 64.0}, "lr": 0.01, "steps": 2}  # L


def main():
    torch.manual_seed(0)
    model = AnchorHead()
    attach(model, CFG["constraints"])  # L
    opt = torch.optim.SGD(model.parameters(), lr=CFG["lr"], momentum=0.9)
    for step in range(CFG["steps"]):
        img = torch.randn(2, 3, 32, 32)
        xy = torch.rand(2, 2) * 20
        gt = torch.cat([xy, xy + 6 + torch.rand(2, 2) * 6], 1)
        boxes, obj = model(img)  # L
        loss = box_loss(boxes, obj, gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
