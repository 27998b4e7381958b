from functools import partial

import torch.nn as nn

# memory-lean defaults shared by every attention and residual dropout of the model
DROPOUTS = {
    "attention": partial(nn.Dropout, inplace=True),  # L
    "residual": partial(nn.Dropout, inplace=False),
}


def make_dropout(kind, p):
    return DROPOUTS[kind](p)
