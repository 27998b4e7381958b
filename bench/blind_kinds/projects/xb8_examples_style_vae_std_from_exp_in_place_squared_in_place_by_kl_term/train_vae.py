import torch

from vae import VAE, train_epoch

CONFIG = {"epochs": 2, "lr": 1e-3, "beta": 1.0}


def main():
    torch.manual_seed(0)
    data = torch.rand(32, 16)
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for epoch in range(CONFIG["epochs"]):
        print(epoch, train_epoch(model, data, opt, beta=CONFIG["beta"]))  # L


if __name__ == "__main__":
    main()
