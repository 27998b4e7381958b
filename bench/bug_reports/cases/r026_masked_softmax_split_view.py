# Source: https://github.com/Skype-line/X-Avatar/issues/12
# Report: the network output is split into shape/colour parts, the shape part
# reshaped, and a masked_softmax helper writes `vec[~mask.bool()] = 1` into it:
# "Output 0 of ReshapeAliasBackward0 is a view and is being modified inplace.
# This view is the output of a function that returns multiple views."
import torch
import torch.nn as nn


def masked_softmax(vec, mask, dim=-1):
    vec[~mask.bool()] = 1  # hazard
    return torch.softmax(vec, dim=dim)


def run():
    net = nn.Linear(4, 6)
    out = net(torch.randn(5, 4))
    shape_pd, color_pd = torch.split(out, [3, 3], dim=-1)
    shape_pd = shape_pd.reshape(5, 3)
    mask = torch.tensor([1, 0, 1]).expand(5, 3)
    probs = masked_softmax(shape_pd, mask)
    (probs.sum() + color_pd.sum()).backward()


if __name__ == "__main__":
    run()
