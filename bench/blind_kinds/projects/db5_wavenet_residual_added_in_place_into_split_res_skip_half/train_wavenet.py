import torch

from wavenet import WaveNet

CONFIG = {
    "model": {"n_classes": 16, "res_ch": 8, "skip_ch": 8, "dilations": (1, 2, 4, 1, 2, 4), "split": "split"},
    "lr": 1e-3,
    "steps": 2,
}


def mu_law_tokens(batch=2, length=32, n_classes=16):
    t = torch.linspace(0, 6.28, length)
    wave = torch.sin(t * torch.randint(1, 4, (batch, 1))) * 0.8
    mu = n_classes - 1
    y = torch.sign(wave) * torch.log1p(mu * wave.abs()) / torch.log1p(torch.tensor(float(mu)))
    return ((y + 1) / 2 * mu + 0.5).long()


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = WaveNet(**cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        loss = model.loss(mu_law_tokens(n_classes=cfg["model"]["n_classes"]))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
