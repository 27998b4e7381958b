"""mmdet 3.3.0, models/roi_heads/roi_extractors/single_level_roi_extractor.py:108: IPL002 error.

``SingleRoIExtractor.forward`` makes its output with ``roi_feats = feats[0].new_zeros(...)``,
then ``if torch.__version__ == 'parrots': roi_feats.requires_grad = True`` (a shim for SenseTime's
parrots, another framework with torch's API), and later fills it in place, ``roi_feats[inds] =
roi_feats_t`` per pyramid level (and ``roi_feats += ... * 0.`` for an unused level).  Under
PyTorch ``torch.__version__`` is a version string such as ``'2.13.0'``, never ``'parrots'``: the
flag is never set, ``roi_feats`` is a plain buffer that does not require grad, and the writes
only record a ``CopySlices`` node (the roi features flow back to ``feats`` through it).  The linter
takes the branch as one that may run, so the leaf ``roi_feats`` may require grad, and reports the
write into it as an in-place on such a leaf.
"""
import torch


def extract(feats, rois, levels, num_levels):
    roi_feats = feats[0].new_zeros(rois.size(0), feats[0].size(1))
    if torch.__version__ == 'parrots':
        roi_feats.requires_grad = True
    for i in range(num_levels):
        inds = (levels == i).nonzero(as_tuple=False).squeeze(1)
        if inds.numel() > 0:
            roi_feats[inds] = feats[i].mean(dim=(2, 3))[rois[inds]]
        else:
            roi_feats += feats[i].sum() * 0.
    return roi_feats


feats = [torch.randn(2, 4, 8 // 2 ** i, 8 // 2 ** i, requires_grad=True) for i in range(3)]
rois = torch.tensor([0, 1, 1, 0])
levels = torch.tensor([0, 0, 2, 2])
out = extract(feats, rois, levels, 3)
out.pow(2).sum().backward()
assert feats[0].grad.abs().sum() > 0 and feats[2].grad.abs().sum() > 0
assert feats[1].grad is not None and feats[1].grad.abs().sum() == 0
