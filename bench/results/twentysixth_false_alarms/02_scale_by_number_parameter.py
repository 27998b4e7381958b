"""``pt[..., 0] = pt[..., 0] / (w / 2.) - 1`` with ``w`` a shape times a number parameter.

From mmrotate 0.3.4, ``mmrotate/models/dense_heads/oriented_reppoints_head.py``,
``OrientedRepPointsHead.get_adaptive_points_feature`` (lines 386 and 387)::

    h = features.shape[2] * stride
    w = features.shape[3] * stride
    pt_locations = pt_locations.view(pt_locations.shape[0],
                                     pt_locations.shape[1], -1, 2).clone()
    pt_locations[..., 0] = pt_locations[..., 0] / (w / 2.) - 1
    pt_locations[..., 1] = pt_locations[..., 1] / (h / 2.) - 1

called as ``multi_apply(self.get_adaptive_points_feature, ..., self.point_strides)``, a list of
ints from the config.  The same in ``rotate_single_level_roi_extractor.py``, ``roi_rescale``
(lines 165 and 166): ``new_rois[:, 3] = w_scale_factor * new_rois[:, 3]`` with the scale a
float from the config.

Dividing a tensor by a Python number keeps nothing of the tensor (the divisor's gradient,
the only one that needs it, is never wanted), so writing the divided slice back is safe.

The linter warns (IPL001, "`pt_locations` is modified in place by `[]=` but `div` at line ...
(its input) saved it for backward ... (if that op saved it on the path taken: it depends on a
branch or on whether its inputs require grad)"): ``stride`` is a parameter of unknown kind, so
``w / 2.`` may be a tensor that requires grad and ``div`` may keep its input.
The method is judged on its own too: called with a literal ``8`` instead of through
``multi_apply`` it still warns.

Here the points are predicted by a layer and normalised for every stride, cleanly.
"""
import torch
from torch import nn


def multi_apply(func, *args):
    return tuple(map(list, zip(*map(func, *args))))


class Head(nn.Module):
    def __init__(self, strides):
        super().__init__()
        self.point_strides = strides
        self.proj = nn.Conv2d(4, 18, 1)

    def get_adaptive_points_feature(self, features, pt_locations, stride):
        h = features.shape[2] * stride
        w = features.shape[3] * stride
        pt_locations = pt_locations.view(pt_locations.shape[0],
                                         pt_locations.shape[1], -1, 2).clone()
        pt_locations[..., 0] = pt_locations[..., 0] / (w / 2.) - 1
        pt_locations[..., 1] = pt_locations[..., 1] / (h / 2.) - 1
        return (pt_locations,)

    def forward(self, feats):
        pts = [self.proj(f).flatten(2).transpose(1, 2) for f in feats]
        out, = multi_apply(self.get_adaptive_points_feature, feats, pts, self.point_strides)
        return out


def main():
    head = Head([8, 16])
    feats = [torch.randn(2, 4, 8, 8), torch.randn(2, 4, 4, 4)]
    sum(p.sum() for p in head(feats)).backward()


if __name__ == "__main__":
    main()
