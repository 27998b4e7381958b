import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from nets import AutoEncoder
from optim import MomentumSGD

try:
    from tqdm import trange
except ImportError:
    trange = range

if os.environ.get("AE_WIDE"):
    HIDDEN = 32
else:
    HIDDEN = 8


def main(steps=3):
    torch.manual_seed(0)
    model = AutoEncoder(hidden=HIDDEN)
    opt = MomentumSGD(model.param_groups(weight_decay=1e-4), lr=0.05, momentum=0.9)
    for _ in trange(steps):
        x = torch.randn(16, 10)
        loss = F.mse_loss(model(x), x)
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(list(opt.params()), max_norm=1.0)
        opt.step()  # L
    print(loss.item())


if __name__ == "__main__":
    main()
