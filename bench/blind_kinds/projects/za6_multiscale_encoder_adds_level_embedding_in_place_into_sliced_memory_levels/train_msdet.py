import torch
import torch.nn.functional as F

from msdet import MultiScaleClassifier


def main():
    torch.manual_seed(0)
    model = MultiScaleClassifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(2):
        x, y = torch.randn(2, 1, 8, 8), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
