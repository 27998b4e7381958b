import torch

from iafvae import IAFVAE

HPARAMS = dict(d_x=8, d_z=3, hidden=16, context=4, n_flows=2)


def main():
    torch.manual_seed(0)
    model = IAFVAE(**HPARAMS)
    opt = torch.optim.Adamax(model.parameters(), lr=2e-3)
    data = (torch.rand(16, HPARAMS["d_x"]) > 0.5).float()
    for epoch in range(2):
        for x in data.split(8):
            loss = -model.elbo(x)  # L
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        print(epoch, round(loss.item(), 3))


if __name__ == "__main__":
    main()
