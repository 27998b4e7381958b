"""muse-maskgit-pytorch 0.3.5: IPL001 warning at muse_maskgit_pytorch/muse_maskgit_pytorch.py:684
(``mask &= ~no_mask_mask`` in ``MaskGit.forward``, "`mask` is modified in place by `&=` but
`where` at line 680 (its condition) saved it for backward ... (if that op saved it on the path
taken: it depends on a branch or on whether its inputs require grad)").

MaskGit's training step masks a random subset of the image's token ids, keeps the masked ones as
labels, spares some of them from masking, and feeds the rest with the mask token to the
transformer:

    ids = images_or_ids                      # (or the VQ-VAE's code indices, under no_grad)
    mask = batch_randperm < rearrange(num_token_masked, 'b -> b 1')
    labels = torch.where(mask, ids, ignore_index)
    if self.no_mask_token_prob > 0.:
        no_mask_mask = get_mask_subset_prob(mask, self.no_mask_token_prob)
        mask &= ~no_mask_mask
    x = torch.where(mask, mask_id, ids)
    ce_loss, logits = self.transformer(x, ..., labels = labels, ...)

``torch.where`` keeps its condition only when one of its two value operands requires grad.  Here
they are the token ids and a Python int.  The ids are integer: the transformer embeds ``x`` (the
ids with the mask token in place) with ``nn.Embedding`` and uses ``labels`` as the class indices
of ``F.cross_entropy``, both of which refuse a floating tensor in the forward.  An integer tensor
cannot require grad, so ``where`` saves nothing and the ``&=`` cannot break a backward.

In the engine's terms: ``ids`` is a method argument of unknown dtype ("arg": may be a floating
tensor that requires grad), so ``where(mask, ids, ignore_index)`` may save ``mask`` and the
in-place ``&=`` on it is a write into a possibly saved tensor.  The library's first arm (ids from
the VQ-VAE under ``no_grad``) is not needed for the finding: the argument alone makes it.  The
engine would need to take a tensor that the same function uses as the index input of an
``nn.Embedding`` (here through ``where(mask, mask_id, ids)``) or as the class-index target of
``cross_entropy`` to be integer, hence never requiring grad.
"""
import torch
import torch.nn.functional as F
from torch import nn


class MaskedTokenModel(nn.Module):
    def __init__(self, num_tokens=16, dim=8):
        super().__init__()
        self.mask_id = num_tokens
        self.token_emb = nn.Embedding(num_tokens + 1, dim)
        self.to_logits = nn.Linear(dim, num_tokens)

    def forward(self, ids, ignore_index=-1):
        mask = torch.rand(ids.shape) < 0.5
        labels = torch.where(mask, ids, ignore_index)
        mask &= torch.rand(ids.shape) < 0.9
        x = torch.where(mask, self.mask_id, ids)
        logits = self.to_logits(self.token_emb(x))
        return F.cross_entropy(logits.transpose(1, 2), labels, ignore_index=ignore_index)


model = MaskedTokenModel()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    loss = model(torch.randint(0, 16, (2, 10)))
    opt.zero_grad()
    loss.backward()
    opt.step()
