from dataclasses import dataclass
from typing import Union

import torch


@dataclass
class Batch:
    x: torch.Tensor
    y: torch.Tensor
    index: Union[slice, torch.Tensor]  # where the samples sit in the dataset


def make_batches(x, y, batch_size, shuffle):
    n = x.size(0)
    if shuffle:
        for idx in torch.randperm(n).split(batch_size):
            yield Batch(x[idx], y[idx], idx)
        return
    # in order: plain slices, no index tensors to gather with
    for start in range(0, n, batch_size):
        sl = slice(start, start + batch_size)
        yield Batch(x[sl], y[sl], sl)
