import torch

from model import Gated


def main():
    torch.manual_seed(0)
    Gated()(torch.randn(3, 4)).sum().backward()  # L


if __name__ == "__main__":
    main()
