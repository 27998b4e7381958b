import torch
import torch.nn.functional as F

from models.classifier import PooledClassifier


def batches(n, generator):
    for _ in range(n):
        tokens = torch.randint(1, 9, (4, 7), generator=generator)
        tokens[1, 5:] = 0
        tokens[3, 3:] = 0
        yield tokens, torch.randint(0, 3, (4,), generator=generator)


def main():
    torch.manual_seed(0)
    model = PooledClassifier(vocab=9, dim=8, classes=3, n_queries=2)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for tokens, y in batches(3, torch.Generator().manual_seed(1)):
        loss = F.cross_entropy(model(tokens), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("ok")


if __name__ == "__main__":
    main()
