import torch
import torch.nn.functional as F

from vitlite import create_model

CFG = {"model": "vit_tiny", "model_kwargs": {"img": 8, "n_classes": 3}, "epochs": 2, "lr": 1e-3}


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        acc = (model(x).argmax(-1) == y).float().mean().item()
    model.train()
    return acc


def main(cfg=CFG):
    torch.manual_seed(0)
    model = create_model(cfg["model"], **cfg["model_kwargs"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["epochs"])
    x, y = torch.randn(4, 1, 8, 8), torch.randint(0, 3, (4,))
    for epoch in range(cfg["epochs"]):
        loss = F.cross_entropy(model(x), y, label_smoothing=0.1)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        print(epoch, loss.item(), evaluate(model, x, y))


if __name__ == "__main__":
    main()
