import torch
import torch.nn as nn


def zero_padding_row(emb: nn.Embedding, pad: int):
    with torch.no_grad():
        emb.weight[pad].zero_()  # L


def run():
    torch.manual_seed(0)
    emb = nn.Embedding(10, 4)
    zero_padding_row(emb, 0)
    emb(torch.tensor([1, 0, 3])).sum().backward()
