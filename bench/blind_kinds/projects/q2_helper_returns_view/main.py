import torch

from lib.model import Pool


def main():
    torch.manual_seed(0)
    Pool(4)(torch.randn(2, 3, 4)).sum().backward()


if __name__ == "__main__":
    main()
