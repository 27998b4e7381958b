"""A NormFace / cosine classifier for face embeddings that computes the class-weight norms into a
preallocated buffer (out=) to avoid an allocation per step, then scales the cosines."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CosineClassifier(nn.Module):
    def __init__(self, d, n_classes, scale=16.0):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_classes, d) * 0.1)
        self.scale = scale
        self.register_buffer("_wnorm", torch.empty(n_classes, 1), persistent=False)

    def forward(self, emb):
        torch.linalg.vector_norm(self.weight, dim=1, keepdim=True, out=self._wnorm)  # L
        w = self.weight / self._wnorm
        return self.scale * F.normalize(emb, dim=1) @ w.t()


def run():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(10, 16), nn.PReLU(), nn.Linear(16, 8))
    clf = CosineClassifier(8, 5)
    opt = torch.optim.SGD([*encoder.parameters(), *clf.parameters()], lr=0.1, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(6, 10), torch.randint(0, 5, (6,))
        loss = F.cross_entropy(clf(encoder(x)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
