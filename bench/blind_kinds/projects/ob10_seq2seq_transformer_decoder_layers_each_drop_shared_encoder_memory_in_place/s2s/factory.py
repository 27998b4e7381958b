import functools

import torch.nn as nn


def make_dropout(p=0.1, inplace=False):
    # inplace spares one activation-sized buffer per call on long sources
    return nn.Dropout(p, inplace=inplace)  # L


def dropout_factory(spec):
    return functools.partial(make_dropout, **spec)
