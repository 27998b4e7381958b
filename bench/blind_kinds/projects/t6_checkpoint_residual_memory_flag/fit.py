import torch
import torch.nn.functional as F

from models import ResidualMLP


def fit(model, data, epochs=1, accum_steps=2, lr=1e-2):
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    for _ in range(epochs):
        opt.zero_grad()
        for i, (x, y) in enumerate(data):
            loss = F.mse_loss(model(x), y) / accum_steps  # L
            loss.backward()
            if (i + 1) % accum_steps == 0:
                opt.step()
                opt.zero_grad()


def main():
    torch.manual_seed(0)
    model = ResidualMLP(d_in=5)
    data = [(torch.randn(4, 5), torch.randn(4, 1)) for _ in range(4)]
    fit(model, data)
    print("done")


if __name__ == "__main__":
    main()
