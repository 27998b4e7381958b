import torch
import torch.nn as nn


def build(d_in, d_hid, d_out):
    return nn.Sequential(
        nn.Linear(d_in, d_hid),
        nn.ReLU(inplace=True),  # L
        nn.Dropout(0.1, inplace=True),  # L
        nn.Linear(d_hid, d_out),
    )


def run():
    torch.manual_seed(0)
    net = build(4, 8, 2)
    net(torch.randn(5, 4)).sum().backward()  # L
