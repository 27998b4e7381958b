import torch

from edm import EDM2Loss, EDMPrecond


def main(steps=3):
    torch.manual_seed(0)
    model = EDMPrecond()
    loss_fn = EDM2Loss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(steps):
        x = torch.randn(8, 4) * 0.5
        loss = loss_fn(model, x)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
