import torch
import torch.nn.functional as F

from ctr import DCN

FIELDS = {"user": (20, 4), "item": (30, 4), "hour": (24, 2)}


def batch(n=16):
    sparse = {name: torch.randint(0, card, (n,)) for name, (card, _) in FIELDS.items()}
    return sparse, torch.randn(n, 3), torch.randint(0, 2, (n,)).float()


def main():
    torch.manual_seed(0)
    model = DCN(FIELDS, dense_dim=3)
    opt = torch.optim.Adagrad(model.parameters(), lr=0.05)
    for step in range(2):
        sparse, dense, clicked = batch()
        loss = F.binary_cross_entropy_with_logits(model(sparse, dense), clicked)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
