import torch

from vicreg import VICReg, vicreg_loss

CFG = {"batch": 8, "steps": 2, "lr": 0.05, "loss": {"sim_coeff": 25.0, "std_coeff": 25.0, "cov_coeff": 1.0}}


def augment(x):
    return x * (1 + 0.1 * torch.randn_like(x)) + 0.1 * torch.randn_like(x)


def main(cfg=CFG):
    torch.manual_seed(0)
    model = VICReg()
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        x = torch.randn(cfg["batch"], 6)
        z1, z2 = model(augment(x), augment(x))
        loss = vicreg_loss(z1, z2, **cfg["loss"])  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
