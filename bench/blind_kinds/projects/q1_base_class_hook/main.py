import torch

from models.heads import SharpHead


def main():
    torch.manual_seed(0)
    head = SharpHead(4)
    head(torch.randn(3, 4)).sum().backward()


if __name__ == "__main__":
    main()
