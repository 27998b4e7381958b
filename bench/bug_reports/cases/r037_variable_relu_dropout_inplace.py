# Source: https://github.com/pytorch/pytorch/issues/727
# Report: `x = Variable(..., requires_grad=True)` followed by
# `F.relu(x, inplace=True)` and `F.dropout(x, inplace=True)`; the maintainer:
# "You can't apply in-place operations to leaf Variables" (torch 2.13 raises
# "a leaf Variable that requires grad is being used in an in-place operation").
import numpy as np
import torch
import torch.nn.functional as F
from torch.autograd import Variable


def run():
    x = Variable(torch.from_numpy(np.random.randn(2, 3, 4, 4)).float(), requires_grad=True)
    x = F.relu(x, inplace=True)  # hazard
    x = F.dropout(x, p=0.1, inplace=True)
    result = torch.sum(x)
    result.backward()


if __name__ == "__main__":
    run()
