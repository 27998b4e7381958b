# From torchgeo 0.8.1, torchgeo/models/panopticon.py:242 (`mus[opt_indices] = ...` in
# ChnEmb.forward, reached from PanopticonPE.forward(x_dict: dict[str, Tensor]) through
# `chn_ids = x_dict['chn_ids']`), reported as IPL001 **error** "`mus` is modified in place by
# `[]=` but `Conv3d` at line 114 (its input) saved it for backward; backward will raise ...".
# Conv3d saved `x_dict['imgs'].unsqueeze(1)`; the write is to `x_dict['chn_ids']`, another item
# of the dict.  Safe: two constant keys of one dict name two tensors (the library's own shapes,
# (B, C, H, W) images and (B, C) channel ids, could not even be one tensor), so no saved value
# changes.  The linter takes every item of a parameter annotated as a dict for one value: the
# same code with the parameter unannotated is quiet; annotated `dict` (no item type) it is a
# warning.  The library's PanopticonPE (its imports stubbed) runs forward and backward.
import torch
from torch import nn


class PatchEmbed(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(1, 4, 1)

    def forward(self, x_dict: dict[str, torch.Tensor]):
        x = x_dict['imgs']
        ids = x_dict['ids']
        out = self.conv(x.unsqueeze(1))  # saves x_dict['imgs'] (a view of it) for the weight's grad
        ids[ids >= 0] = 0  # writes x_dict['ids'], another tensor
        return out.sum()


m = PatchEmbed()
imgs = torch.randn(2, 3, 4, 4, requires_grad=True)
m({'imgs': imgs, 'ids': torch.tensor([1, -1])}).backward()
assert m.conv.weight.grad is not None and imgs.grad is not None
