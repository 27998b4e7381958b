"""A two-layer heterogeneous GNN recommender on a user-item interaction graph, trained with BPR
and one sampled negative item per interaction."""
import torch
import torch.nn.functional as F

from hetero import BipartiteGraph, HeteroRecommender


def main():
    torch.manual_seed(0)
    n_users, n_items = 12, 20
    users = torch.randint(0, n_users, (60,))
    items = torch.randint(0, n_items, (60,))
    graph = BipartiteGraph(n_users, n_items, users, items)
    model = HeteroRecommender(user_features=torch.randn(n_users, 5), n_items=n_items, dim=16, layers=2)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for epoch in range(3):
        emb = model(graph)  # L
        neg = torch.randint(0, n_items, items.shape)
        pos_score = (emb["user"][users] * emb["item"][items]).sum(-1)
        neg_score = (emb["user"][users] * emb["item"][neg]).sum(-1)
        loss = -F.logsigmoid(pos_score - neg_score).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
