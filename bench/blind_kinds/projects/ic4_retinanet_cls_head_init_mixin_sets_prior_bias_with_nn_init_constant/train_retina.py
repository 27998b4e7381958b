"""A RetinaNet head on one feature level with random targets (the matching is elsewhere)."""
import torch
import torch.nn.functional as F

from retina import RetinaHead, sigmoid_focal_loss


def main():
    torch.manual_seed(0)
    head = RetinaHead()
    opt = torch.optim.SGD(head.parameters(), lr=0.01, momentum=0.9)
    for _ in range(2):
        feat = torch.randn(2, 8, 4, 4)
        cls, box = head(feat)
        cls_t = (torch.rand_like(cls) > 0.9).float()
        box_t = torch.randn_like(box)
        pos = cls_t.amax(-1) > 0
        loss = sigmoid_focal_loss(cls, cls_t) + F.smooth_l1_loss(box[pos], box_t[pos], beta=0.1)
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
