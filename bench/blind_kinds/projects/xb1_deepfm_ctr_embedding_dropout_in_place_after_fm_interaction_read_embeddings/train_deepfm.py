import torch
import torch.nn as nn

from deepfm import DeepFM

CONFIG = {"field_dims": [5, 7, 3, 4], "embed_dim": 4, "mlp_dims": (16, 8), "lr": 1e-3, "epochs": 2, "batch": 16}


def fake_clicks(n, field_dims):
    x = torch.stack([torch.randint(0, d, (n,)) for d in field_dims], dim=1)
    y = ((x[:, 0] + x[:, 1]) % 2).float()
    return x, y


def main():
    torch.manual_seed(0)
    x, y = fake_clicks(64, CONFIG["field_dims"])
    model = DeepFM(CONFIG["field_dims"], CONFIG["embed_dim"], CONFIG["mlp_dims"])
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"], weight_decay=1e-6)
    criterion = nn.BCEWithLogitsLoss()
    for epoch in range(CONFIG["epochs"]):
        model.train()
        for start in range(0, len(x), CONFIG["batch"]):
            logits = model(x[start:start + CONFIG["batch"]])  # L
            loss = criterion(logits, y[start:start + CONFIG["batch"]])
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
