# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# torch.min(a, b) of two tensors is minimum: it saves its inputs, not its output; clamp_ on the result is safe (kornia hls_to_rgb). Fires 1 warning.
# Runs and backpropagates cleanly under torch 2.13.
import torch


def hls_channel(h):
    k = (h * 2.0) % 12
    mink = torch.min(k - 3.0, 9.0 - k)
    return torch.addcmul(h, h, mink.clamp_(min=-1.0, max=1.0), value=-1)


def main():
    h = torch.randn(2, 5, requires_grad=True)
    hls_channel(h).sum().backward()


main()
