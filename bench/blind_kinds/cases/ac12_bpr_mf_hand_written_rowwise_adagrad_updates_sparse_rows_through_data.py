"""BPR matrix factorisation with uniformly sampled negative items and a hand-written row-wise
Adagrad (one accumulator per embedding row, as DLRM uses for large tables).  The tables produce
sparse gradients, so the optimizer updates only the rows the batch touched, through .data as
optimizers written before torch 0.4 did."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BPRMF(nn.Module):
    def __init__(self, n_users, n_items, dim=8):
        super().__init__()
        self.users = nn.Embedding(n_users, dim, sparse=True)
        self.items = nn.Embedding(n_items, dim, sparse=True)
        nn.init.normal_(self.users.weight, std=0.1)
        nn.init.normal_(self.items.weight, std=0.1)

    def forward(self, u, pos, neg):
        eu = self.users(u)
        return (eu * self.items(pos)).sum(-1), (eu * self.items(neg)).sum(-1)


class RowWiseAdagrad:
    def __init__(self, tables, lr=0.1, eps=1e-8):
        self.tables, self.lr, self.eps = list(tables), lr, eps
        self.state = [torch.zeros(t.num_embeddings) for t in self.tables]

    def zero_grad(self):
        for t in self.tables:
            t.weight.grad = None

    def step(self):
        for table, acc in zip(self.tables, self.state):
            grad = table.weight.grad.coalesce()
            rows, values = grad.indices()[0], grad.values()
            acc[rows] += values.pow(2).mean(1)
            step = values / (acc[rows].sqrt() + self.eps).unsqueeze(1)
            table.weight.data[rows] -= self.lr * step  # L


def sample_negatives(pos, n_items):
    neg = torch.randint(0, n_items, pos.shape)
    clash = neg == pos
    neg[clash] = (neg[clash] + 1) % n_items
    return neg


def run():
    torch.manual_seed(0)
    n_users, n_items = 10, 20
    model = BPRMF(n_users, n_items)
    opt = RowWiseAdagrad([model.users, model.items])
    for _ in range(2):
        u = torch.randint(0, n_users, (16,))
        pos = torch.randint(0, n_items, (16,))
        pos_score, neg_score = model(u, pos, sample_negatives(pos, n_items))
        loss = -F.logsigmoid(pos_score - neg_score).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
