import torch
import torch.nn as nn

from semi import FreeMatch

CONFIG = {"n_classes": 4, "ema_p": 0.999, "lambda_u": 1.0, "lambda_f": 0.05, "steps": 3}


def weak(x):
    return x + 0.05 * torch.randn_like(x)


def strong(x):
    return x * (torch.rand_like(x) > 0.2) + 0.3 * torch.randn_like(x)


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, CONFIG["n_classes"]))
    algorithm = FreeMatch(model, CONFIG)
    opt = torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9, nesterov=True)
    for step in range(CONFIG["steps"]):
        x_lb, y_lb = torch.randn(4, 10), torch.randint(0, CONFIG["n_classes"], (4,))
        x_ulb = torch.randn(8, 10)
        loss = algorithm.train_step(x_lb, y_lb, weak(x_ulb), strong(x_ulb))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
