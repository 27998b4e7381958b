"""Few-shot prototypical network with a cosine head: class prototypes are the mean support
embedding, normalised to unit length in place before the scaled cosine logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ProtoNet(nn.Module):
    def __init__(self, d_in=10, dim=8, scale=10.0):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, dim))
        self.scale = scale

    def prototypes(self, support, n_way):
        emb = self.encoder(support).view(n_way, -1, self.encoder[-1].out_features)
        protos = emb.mean(dim=1)
        protos.div_(protos.norm(dim=1, keepdim=True).clamp_min(1e-6))  # L
        return protos

    def forward(self, support, query, n_way):
        protos = self.prototypes(support, n_way)
        q = F.normalize(self.encoder(query), dim=1)
        return self.scale * q @ protos.t()


def run():
    torch.manual_seed(0)
    net = ProtoNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    n_way, k_shot = 3, 2
    for _ in range(2):
        support = torch.randn(n_way * k_shot, 10)
        query = torch.randn(6, 10)
        labels = torch.arange(n_way).repeat(2)
        loss = F.cross_entropy(net(support, query, n_way), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
