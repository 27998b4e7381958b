import torch

from gmvae import MixturePriorVAE

CFG = {"x_dim": 12, "z_dim": 3, "hidden": 16, "k": 4, "lr": 1e-3, "steps": 3}


def main():
    torch.manual_seed(0)
    vae = MixturePriorVAE(CFG["x_dim"], CFG["z_dim"], CFG["hidden"], CFG["k"])
    opt = torch.optim.Adam(vae.parameters(), lr=CFG["lr"])
    for _ in range(CFG["steps"]):
        x = torch.rand(8, CFG["x_dim"]).round()
        loss = vae.loss(x)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
