"""Maps an unconstrained output to a strictly positive scale."""
import torch
import torch.nn.functional as F


def _elu_plus_one(t):
    return F.elu(t) + 1.0


POSITIVE = {
    "exp": torch.exp,
    "softplus": F.softplus,
    "elu1": _elu_plus_one,
}


def positive_scale(raw, kind="softplus", min_scale=1e-3):
    if kind not in POSITIVE:
        raise KeyError(f"unknown scale transform {kind!r}; choose from {sorted(POSITIVE)}")
    # floor the scale so the NLL cannot blow up on a collapsed prediction
    return POSITIVE[kind](raw).clamp_(min=min_scale)  # L
