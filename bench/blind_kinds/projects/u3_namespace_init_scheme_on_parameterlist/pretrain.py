import argparse

import torch
import torch.nn.functional as F

from nets import GatedMLP, initialize


def get_args():
    # built in code for the sweep runner; the CLI parser lives in the launcher
    return argparse.Namespace(init="scaled_normal", depth=3, width=12, lr=1e-3, steps=2)


def main():
    args = get_args()
    torch.manual_seed(0)
    model = GatedMLP(5, args.width, args.depth, 2)
    initialize(model, args.init)  # L
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    x, y = torch.randn(8, 5), torch.randn(8, 2)
    for _ in range(args.steps):
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
