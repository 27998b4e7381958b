import torch

from nets.mlp import MLP


def main():
    torch.manual_seed(0)
    MLP()(torch.randn(3, 4)).sum().backward()


if __name__ == "__main__":
    main()
