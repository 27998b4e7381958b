import torch

from arch.net import Net


def main():
    torch.manual_seed(0)
    net = Net()
    net(torch.randn(3, 4)).sum().backward()


if __name__ == "__main__":
    main()
