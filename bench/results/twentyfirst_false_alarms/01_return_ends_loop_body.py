"""A loop whose body ends in ``return``: there is no second iteration.

From mmdet3d 1.4.0, ``mmdet3d/models/losses/multibin_loss.py``: ``multibin_loss`` (line 14), the
orientation loss of ``MultiBinLoss`` (line 64), starts ``cls_losses = reg_losses = reg_cnt = 0``
and loops over the direction bins, adding each bin's cross entropy and, when the bin has
valid targets, its regression loss and ``reg_cnt += valid_mask_i.sum()`` (line 60).  The
``return cls_losses / num_dir_bins + reg_losses / reg_cnt`` (line 62) is indented into the loop
body (a bug of the library: only the first bin counts), so the function returns in its first
iteration.  Safe: the ``div`` of line 62 keeps ``reg_cnt`` for the gradient of
``reg_losses``, but nothing runs after it; in that iteration ``reg_cnt += ...`` made a new tensor
(``0 + tensor``), it wrote nothing in place.  The library's function, run from the wheel with
predictions that require grad, backpropagates (``/work/unseen21/runs/multibin.py``).

In the library the linter warns (``reg_cnt`` "modified in place by ``+=`` but ``div`` at line 62
in the previous iteration (its other) saved it ...", "if that op saved it on the path taken"): its
only caller, ``MultiBinLoss.forward`` (line 84, built from a config as MonoFlex's ``loss_dir``,
``models/dense_heads/monoflex_head.py:98``), passes on its own arguments through mmdet's
``weighted_loss``, so the predictions' grad is unknown to the linter.  Here the same
function, behind a copy of that decorator, is called with a ``Linear``'s output, and the same line
is a false *error* (same code and wording, no "if that op saved it").  The linter's loop runs the
body a second time from the state the first pass left at its ``return``.  A ``break`` in place
of the ``return`` does the same, and so does a ``return`` under ``if i == 0:``.
"""
import functools

import torch
import torch.nn.functional as F
from torch import nn


def weighted_loss(loss_func):
    """mmdet's decorator (mmdet/models/losses/utils.py): an element-wise loss gains a weight
    and a reduction."""
    @functools.wraps(loss_func)
    def wrapper(pred, target, weight=None, reduction="mean", **kwargs):
        loss = loss_func(pred, target, **kwargs)
        if weight is not None:
            loss = loss * weight
        return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss
    return wrapper


@weighted_loss
def multibin_loss(pred_orientations, gt_orientations, num_dir_bins=4):
    cls_losses = 0
    reg_losses = 0
    reg_cnt = 0
    for i in range(num_dir_bins):
        cls_losses += F.cross_entropy(pred_orientations[:, i * 2:i * 2 + 2], gt_orientations[:, i].long())
        valid_mask_i = gt_orientations[:, i] == 1
        if valid_mask_i.sum() > 0:
            start = num_dir_bins * 2 + i * 2
            pred_offset = F.normalize(pred_orientations[valid_mask_i, start:start + 2])
            target = gt_orientations[valid_mask_i, num_dir_bins + i]
            reg_loss = F.l1_loss(pred_offset[:, 0], torch.sin(target), reduction="none") + \
                F.l1_loss(pred_offset[:, 1], torch.cos(target), reduction="none")
            reg_losses += reg_loss.sum()
            reg_cnt += valid_mask_i.sum()
        return cls_losses / num_dir_bins + reg_losses / reg_cnt


if __name__ == "__main__":
    torch.manual_seed(0)
    bins = 4
    head = nn.Linear(8, bins * 4)
    optimizer = torch.optim.SGD(head.parameters(), lr=0.1)
    for _ in range(3):
        features = torch.randn(6, 8)
        targets = torch.cat([torch.ones(6, bins), torch.rand(6, bins)], dim=1)
        loss = multibin_loss(head(features), targets, num_dir_bins=bins)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("ok")
