"""Weakly supervised detection as multiple-instance learning: each image has a bag of region
proposals, a head scores every proposal for every class, and the image-level score of a class is
its best proposal's score. The pooling writes into preallocated (values, indices) buffers with
`torch.max(..., out=(...))`, since the argmax proposals are kept for the pseudo-box refinement
branch."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ProposalHead(nn.Module):
    def __init__(self, d_roi=10, n_classes=4):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(d_roi, 16), nn.ReLU(), nn.Linear(16, n_classes))

    def forward(self, rois):
        return self.fc(rois)


class MILPool:
    def __init__(self, batch, n_classes):
        self.values = torch.empty(batch, n_classes)
        self.indices = torch.empty(batch, n_classes, dtype=torch.long)

    def __call__(self, scores):
        torch.max(scores, dim=1, out=(self.values, self.indices))  # L
        return scores.gather(1, self.indices.unsqueeze(1)).squeeze(1)


def run():
    torch.manual_seed(0)
    head = ProposalHead()
    pool = MILPool(batch=2, n_classes=4)
    opt = torch.optim.SGD(head.parameters(), lr=0.1, momentum=0.9)
    for _ in range(2):
        rois = torch.randn(2, 7, 10)
        labels = torch.tensor([[1.0, 0, 0, 1], [0, 1, 0, 0]])
        image_logits = pool(head(rois))
        refine_targets = pool.indices.clone()  # the proposals the refinement branch regresses
        loss = F.binary_cross_entropy_with_logits(image_logits, labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
