import torch

import pkg as P


def main():
    torch.manual_seed(0)
    logits = torch.randn(3, 5, requires_grad=True)
    probs = torch.softmax(logits, dim=-1)
    probs = P.renorm_(probs)  # L
    (probs * torch.randn(3, 5)).sum().backward()


if __name__ == "__main__":
    main()
