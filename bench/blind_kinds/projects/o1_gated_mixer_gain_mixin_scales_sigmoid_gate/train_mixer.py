import torch
import torch.nn.functional as F

import nets.model as m

CONFIG = {"model": {"d_in": 6, "hidden": 12, "d_out": 2, "gain": 2.0}, "lr": 0.05, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = m.GatedMixer(**cfg["model"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    for step in range(cfg["steps"]):
        x, y = torch.randn(5, 6), torch.randn(5, 2)
        loss = F.mse_loss(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    print("final loss", loss.item())


if __name__ == "__main__":
    main()
