import torch

from tabular import MultiTaskLoss, TabularNet

CONFIG = {"cardinalities": [4, 6, 3], "n_cont": 5, "n_classes": 3, "epochs": 2, "batch": 16}


def main():
    torch.manual_seed(0)
    n = 48
    x_cat = torch.stack([torch.randint(0, c, (n,)) for c in CONFIG["cardinalities"]], dim=1)
    x_cont = torch.randn(n, CONFIG["n_cont"])
    price, label = torch.randn(n).exp(), torch.randint(0, CONFIG["n_classes"], (n,))
    model = TabularNet(CONFIG["cardinalities"], CONFIG["n_cont"], CONFIG["n_classes"])
    criterion = MultiTaskLoss((float(price.min()), float(price.max())))
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    for epoch in range(CONFIG["epochs"]):
        for s in range(0, n, CONFIG["batch"]):
            b = slice(s, s + CONFIG["batch"])
            loss = criterion(model(x_cat[b], x_cont[b]), price[b], label[b])  # L
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
