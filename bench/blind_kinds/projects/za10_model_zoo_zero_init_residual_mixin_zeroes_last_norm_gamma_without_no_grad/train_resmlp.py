import torch
import torch.nn.functional as F

from zoo import build_model

CFG = {"arch": "resmlp", "model": {"d_in": 6, "dim": 16, "depth": 2}, "zero_init_residual": True}


def main(cfg=CFG):
    torch.manual_seed(0)
    model = build_model(cfg["arch"], zero_init_residual=cfg["zero_init_residual"], **cfg["model"])  # L
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for step in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
