"""A Mask R-CNN style class-specific mask head: one conv gives a mask per class, and the loss takes
the mask of each RoI's ground-truth class. The per-class masks are unbound and the chosen one is
squashed with sigmoid_ before a hand-written BCE."""
import torch
import torch.nn as nn


class MaskHead(nn.Module):
    def __init__(self, c_in=4, n_cls=3):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(c_in, 8, 3, padding=1), nn.ReLU())
        self.logits = nn.Conv2d(8, n_cls, 1)

    def forward(self, rois):
        return self.logits(self.body(rois))


def pick_gt_masks(mask_logits, labels):
    picked = []
    for i, c in enumerate(labels.tolist()):
        m = mask_logits[i].unbind(0)[c]
        picked.append(m.sigmoid_())  # L
    return torch.stack(picked)


def bce(prob, target, eps=1e-6):
    return -(target * (prob + eps).log() + (1 - target) * (1 - prob + eps).log()).mean()


def run():
    torch.manual_seed(0)
    head = MaskHead()
    opt = torch.optim.Adam(head.parameters(), lr=1e-3)
    for _ in range(2):
        rois = torch.randn(4, 4, 6, 6)
        labels = torch.randint(0, 3, (4,))
        gt = (torch.rand(4, 6, 6) > 0.5).float()
        loss = bce(pick_gt_masks(head(rois), labels), gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
