import torch
import torch.nn.functional as F

from gsl import GSLNet


def main():
    torch.manual_seed(0)
    n_nodes, in_dim, n_classes = 10, 5, 3
    x = torch.randn(n_nodes, in_dim)
    y = torch.randint(0, n_classes, (n_nodes,))
    train_mask = torch.arange(n_nodes) < 7
    model = GSLNet(in_dim, 8, n_classes)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=5e-4)
    for epoch in range(2):
        model.train()
        logits = model(x)  # L
        loss = F.cross_entropy(logits[train_mask], y[train_mask])
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
