import functools
import time

import torch

TIMINGS = {}


def timed(fn):
    """Accumulate wall time per function name, for the end-of-run profile."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMINGS[fn.__qualname__] = TIMINGS.get(fn.__qualname__, 0.0) + time.perf_counter() - start
    return wrapper


def inference(fn):
    """Run fn with autograd off."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with torch.no_grad():
            return fn(*args, **kwargs)
    return wrapper
