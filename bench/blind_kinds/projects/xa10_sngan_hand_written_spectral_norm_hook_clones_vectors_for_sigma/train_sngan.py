import torch

from sngan import Discriminator, Generator, d_step, g_step

HPARAMS = dict(lr_d=4e-4, lr_g=1e-4, betas=(0.0, 0.9), n_critic=2, iters=2, batch=4)


def main():
    torch.manual_seed(0)
    disc, gen = Discriminator(), Generator()
    d_opt = torch.optim.Adam(disc.parameters(), lr=HPARAMS["lr_d"], betas=HPARAMS["betas"])
    g_opt = torch.optim.Adam(gen.parameters(), lr=HPARAMS["lr_g"], betas=HPARAMS["betas"])
    for _ in range(HPARAMS["iters"]):
        for _ in range(HPARAMS["n_critic"]):
            real = torch.rand(HPARAMS["batch"], 3, 8, 8) * 2 - 1
            d_loss = d_step(disc, gen, real, d_opt)  # L
        g_loss = g_step(disc, gen, HPARAMS["batch"], g_opt)
        print(d_loss, g_loss)


if __name__ == "__main__":
    main()
