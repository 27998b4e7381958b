import torch

from smoothap import Embedder, SmoothAP, pk_batches


def main(epochs=2):
    torch.manual_seed(0)
    labels = torch.arange(5).repeat_interleave(4)
    features = torch.randn(5, 10)[labels] + 0.5 * torch.randn(20, 10)
    model, criterion = Embedder(), SmoothAP(tau=0.05)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, y in pk_batches(features, labels, seed=epoch):
            loss = criterion(model(x), y)  # L
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, round(loss.item(), 4))


if __name__ == "__main__":
    main()
