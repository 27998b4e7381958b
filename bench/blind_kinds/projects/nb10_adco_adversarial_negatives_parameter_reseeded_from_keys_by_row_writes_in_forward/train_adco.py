import torch

from adco import AdCo, RefreshSchedule

CONFIG = {"dim": 8, "memory": {"size": 16, "reseed_every": 2, "reseed_rows": 4}, "tau": 0.2, "mem_lr": 3.0, "steps": 3}


def two_views(x):
    return x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)


def main():
    torch.manual_seed(0)
    mem_cfg = CONFIG["memory"]
    model = AdCo(10, CONFIG["dim"], mem_cfg["size"], CONFIG["tau"],
                 RefreshSchedule(mem_cfg["reseed_every"], mem_cfg["reseed_rows"]))
    opt = torch.optim.SGD(model.encoder.parameters(), lr=0.03, momentum=0.9)
    # the negatives are adversaries: they climb the loss the encoder descends
    mem_opt = torch.optim.SGD(model.memory.parameters(), lr=CONFIG["mem_lr"], maximize=True)
    for step in range(CONFIG["steps"]):
        loss = model(*two_views(torch.randn(6, 10)), step=step)  # L
        opt.zero_grad()
        mem_opt.zero_grad()
        loss.backward()
        opt.step()
        mem_opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
