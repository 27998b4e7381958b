import torch
import torch.nn.functional as F

from tinyvit import TinyViT


def main():
    torch.manual_seed(0)
    model = TinyViT()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.05)
    images, labels = torch.randn(4, 3, 8, 8), torch.randint(0, 3, (4,))
    for step in range(2):
        loss = F.cross_entropy(model(images), labels)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
