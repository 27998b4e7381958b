import torch

from vae import VAE, VAEConfig

CFG = VAEConfig(d_in=10, latent=4, std_fn="softplus", min_std=0.05)


def main(cfg=CFG, steps=3):
    torch.manual_seed(0)
    model = VAE(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = torch.randn(32, cfg.d_in)
    for step in range(steps):
        x = data[torch.randint(0, len(data), (8,))]
        loss = model.loss(x)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
