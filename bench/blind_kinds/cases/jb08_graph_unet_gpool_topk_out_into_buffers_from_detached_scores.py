"""Graph U-Net's gPool (Gao & Ji): project the node features on a learned vector, keep the top-k
nodes and gate them by sigmoid(score). The top-k values and indices go into buffers preallocated
once per layer ("no allocation in the hot loop"); the selection runs on the detached scores and
the gate reads the live scores at the kept indices."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphPool(nn.Module):
    def __init__(self, d, k):
        super().__init__()
        self.k = k
        self.p = nn.Parameter(torch.randn(d) * 0.1)
        self.register_buffer("top_vals", torch.empty(k), persistent=False)
        self.register_buffer("top_idx", torch.empty(k, dtype=torch.long), persistent=False)

    def forward(self, h, adj):
        scores = h @ self.p / self.p.norm()
        torch.topk(scores.detach(), self.k, out=(self.top_vals, self.top_idx))  # L
        idx = self.top_idx
        gate = torch.sigmoid(scores[idx]).unsqueeze(-1)
        return h[idx] * gate, adj[idx][:, idx]


class GraphUNetEncoder(nn.Module):
    def __init__(self, d_in, d, n_classes):
        super().__init__()
        self.gcn1 = nn.Linear(d_in, d)
        self.pool = GraphPool(d, k=4)
        self.gcn2 = nn.Linear(d, d)
        self.head = nn.Linear(d, n_classes)

    def forward(self, x, adj):
        h = F.relu(adj @ self.gcn1(x))
        h, adj = self.pool(h, adj)
        h = F.relu(adj @ self.gcn2(h))
        return self.head(h.mean(0, keepdim=True))


def random_graph(n):
    a = (torch.rand(n, n) < 0.3).float()
    a = ((a + a.t()) > 0).float() + torch.eye(n)
    return a / a.sum(1, keepdim=True)


def run():
    torch.manual_seed(0)
    model = GraphUNetEncoder(5, 8, 2)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, adj, y = torch.randn(7, 5), random_graph(7), torch.randint(0, 2, (1,))
        loss = F.cross_entropy(model(x, adj), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
