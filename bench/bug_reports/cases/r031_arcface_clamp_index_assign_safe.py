# Source: https://github.com/cavalleria/cavaface/issues/10
# Safe twin: the target logits are merged out of place with torch.where.
# Report: a margin loss clamps the cosine logits, derives sin from them (pow
# saves the clamped tensor), then writes the margin-adjusted target logits back
# into it by advanced indexing: "output 0 of ClampBackward, is at version 2".
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class ArcFace(nn.Module):
    def __init__(self, in_features=6, out_features=5, s=16.0, m=0.5):
        super().__init__()
        self.kernel = nn.Parameter(torch.randn(in_features, out_features))
        self.s, self.m = s, m

    def forward(self, embbedings, label):
        cos_theta = F.normalize(embbedings, dim=1) @ F.normalize(self.kernel, dim=0)
        cos_theta = cos_theta.clamp(-1, 1)
        sin_theta = torch.sqrt(1.0 - torch.pow(cos_theta, 2))
        phi = cos_theta * math.cos(self.m) - sin_theta * math.sin(self.m)
        one_hot = F.one_hot(label, cos_theta.size(1)).bool()
        out = torch.where(one_hot, phi, cos_theta)
        return out * self.s


def run():
    head = ArcFace()
    emb = torch.randn(2, 6, requires_grad=True)
    label = torch.tensor([1, 3])
    F.cross_entropy(head(emb, label), label).backward()


if __name__ == "__main__":
    run()
