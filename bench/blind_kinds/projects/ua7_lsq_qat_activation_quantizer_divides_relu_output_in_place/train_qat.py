import torch
import torch.nn.functional as F

from qat import QuantMLP

CFG = {
    "dims": [6, 10, 10],
    "n_classes": 3,
    "quant": {"act": "ReLU", "bits": 4},
    "lr": 1e-3,
    "steps": 2,
}


def main():
    torch.manual_seed(0)
    model = QuantMLP(CFG["dims"], CFG["n_classes"], CFG["quant"])
    opt = torch.optim.SGD(model.parameters(), lr=CFG["lr"], momentum=0.9)
    for step in range(CFG["steps"]):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
