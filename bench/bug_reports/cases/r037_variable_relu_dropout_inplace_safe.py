# Source: https://github.com/pytorch/pytorch/issues/727
# Safe twin: the maintainer's fix, drop the inplace flags.
import numpy as np
import torch
import torch.nn.functional as F
from torch.autograd import Variable


def run():
    x = Variable(torch.from_numpy(np.random.randn(2, 3, 4, 4)).float(), requires_grad=True)
    x = F.relu(x)
    x = F.dropout(x, p=0.1)
    result = torch.sum(x)
    result.backward()


if __name__ == "__main__":
    run()
