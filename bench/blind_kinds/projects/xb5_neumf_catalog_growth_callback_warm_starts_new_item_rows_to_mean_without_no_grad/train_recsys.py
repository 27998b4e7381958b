import torch

from recsys import CatalogGrowth, NeuMF, Trainer

CONFIG = {"n_users": 6, "max_items": 12, "initial_items": 8, "releases": {1: 2, 2: 2}, "epochs": 3, "lr": 1e-2}


def main():
    torch.manual_seed(0)
    model = NeuMF(CONFIG["n_users"], CONFIG["max_items"])
    growth = CatalogGrowth(CONFIG["initial_items"], CONFIG["releases"])
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    users = torch.randint(0, CONFIG["n_users"], (40,))
    items = torch.randint(0, CONFIG["max_items"], (40,))
    clicks = torch.randint(0, 2, (40,)).float()
    trainer = Trainer(model, opt, callbacks=[growth])
    trainer.fit((users, items, clicks), CONFIG["epochs"], lambda: growth.n_active)  # L


if __name__ == "__main__":
    main()
