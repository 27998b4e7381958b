import torch

from nets.stateful import StatefulGRU


def main():
    torch.manual_seed(0)
    net = StatefulGRU(3, 6, 2)
    net.reset(4)
    out1 = net(torch.randn(4, 3))
    net.reset_done(torch.tensor([True, False, False, True]))  # L
    out2 = net(torch.randn(4, 3))
    (out1.sum() + out2.sum()).backward()


if __name__ == "__main__":
    main()
