# From ultralytics 8.4.190, ultralytics/utils/tal.py:278 (`topk_idxs.masked_fill_(~topk_mask, 0)`
# in TaskAlignedAssigner.select_topk_candidates, after `topk_metrics, topk_idxs =
# torch.topk(metrics, self.topk, ...)`), reported as IPL001 warning "`topk_idxs` is modified in
# place by `masked_fill_` but `topk` at line 274 (its output 1) saved it for backward; backward
# will raise ... [via select_topk_candidates() called at line 206]" (line 206: get_pos_mask).
# Safe, three times over: (1) the assigner's only entry is `forward`, decorated
# `@torch.no_grad()`; it calls the private `_forward`, the only caller of the public
# `get_pos_mask`, the only caller of `select_topk_candidates`: no graph is recorded.  (2) The
# losses pass it detached predictions (`pred_scores.detach().sigmoid()`).  (3) Even with grad on
# and inputs that require grad, topk's backward never runs: its values are discarded (or, with
# no mask given, only compared with eps), so no loss depends on the topk node; only the integer
# indices go on, and they carry no gradient.  Checked below for all three: the training step and
# a direct call with grad on both backpropagate.
# The linter analyses the public method `get_pos_mask` on its own, with grad mode unknown and
# arguments that may require grad, although the file calls it only as `self.get_pos_mask(...)`
# from a method reached only from the no-grad `forward`.  Renamed `_get_pos_mask` (a private
# helper takes its callers' grad mode) and without the direct call at the end, the file is
# quiet; the session-7 rule that lets a public method called only through `self` take its
# callers' grad mode covers optimizer classes only.  With the direct grad-on call at the end it
# fires even when renamed: the linter does not use that no loss can reach the topk node when
# its values are only compared (or not used at all: it fires with the `if topk_mask is None`
# lines removed too; only binding the values to `_` makes it quiet), so that its backward
# never runs -- only the integer indices go on.
import torch
from torch import nn


class Assigner(nn.Module):
    def __init__(self, topk=3):
        super().__init__()
        self.topk = topk

    @torch.no_grad()
    def forward(self, scores, mask_gt):
        return self._forward(scores, mask_gt)

    def _forward(self, scores, mask_gt):
        return self.get_pos_mask(scores, mask_gt)

    def get_pos_mask(self, scores, mask_gt):
        metric = scores * mask_gt
        return self.select_topk_candidates(metric, topk_mask=mask_gt.expand(-1, -1, self.topk).bool())

    def select_topk_candidates(self, metrics, topk_mask=None):
        topk_metrics, topk_idxs = torch.topk(metrics, self.topk, dim=-1, largest=True)
        if topk_mask is None:
            topk_mask = (topk_metrics.max(-1, keepdim=True)[0] > 1e-9).expand_as(topk_idxs)
        topk_idxs.masked_fill_(~topk_mask, 0)
        count = torch.zeros(metrics.shape, dtype=torch.int8)
        count.scatter_add_(-1, topk_idxs, torch.ones_like(topk_idxs, dtype=torch.int8))
        count.masked_fill_(count > 1, 0)
        return count


torch.manual_seed(0)
head = nn.Linear(4, 6)  # 6 anchors
assigner = Assigner()
x = torch.randn(2, 5, 4)  # 2 images, 5 ground-truth objects each
mask_gt = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0]).view(1, 5, 1).expand(2, 5, 1)
logits = head(x)
target = assigner(logits.detach().sigmoid(), mask_gt)  # as the loss calls it
loss = nn.functional.binary_cross_entropy_with_logits(logits, target.float())
loss.backward()
assert head.weight.grad is not None and torch.isfinite(head.weight.grad).all()

scores = torch.rand(2, 5, 6, requires_grad=True)  # grad on, inputs requiring grad
count = assigner.get_pos_mask(scores, mask_gt)
(scores * count).sum().backward()
assert torch.equal(scores.grad, count.to(scores.dtype))
