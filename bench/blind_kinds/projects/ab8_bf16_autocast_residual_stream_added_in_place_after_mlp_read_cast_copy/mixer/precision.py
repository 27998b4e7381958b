import contextlib

import torch

DTYPES = {"fp32": None, "bf16": torch.bfloat16}


def autocast(precision):
    """bf16 autocast for the forward; fp32 runs the same code with autocast off."""
    dtype = DTYPES[precision]
    if dtype is None:
        return contextlib.nullcontext()
    return torch.autocast("cpu", dtype=dtype)
