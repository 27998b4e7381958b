"""stylegan2-pytorch 1.9.0: IPL001 error at stylegan2_pytorch/stylegan2_pytorch.py:1431
(``images.clamp_(0., 1.)`` in ``ModelLoader.styles_to_images``, "`LeakyReLU` at line 539 (its
output) saved it").

``Generator.forward`` runs its blocks as

    for style, block, attn in zip(styles, self.blocks, self.attns):
        if exists(attn):
            x = attn(x)
        x, rgb = block(x, rgb, style, input_noise)
    return rgb

and each ``GeneratorBlock`` returns ``(x, rgb)``: ``x`` is the output of an in-place
``LeakyReLU`` (saved by it, and by the next block's convolution), ``rgb`` the output of the
block's to-RGB convolution plus the previous ``rgb`` (an ``add``, which saves nothing).  The
generator returns ``rgb``, never ``x``, so ``clamp_`` on the images writes a tensor that no op
saved.  The library's own ``Generator`` (loaded from the wheel, stand-ins for kornia's
``filter2d`` and the unused imports) with 2, 4 and 5 blocks: ``clamp_`` on its output, then
``backward`` and an optimizer step, run.

Two engine steps make it an error.  The loop is over ``zip`` of a tensor and a ModuleList, so it
is a joined loop and ``block`` is "one of the blocks"; calling it joins the tuple each block
returns, and ``values._join_seqs`` joins two tuples element into element (``Seq(elem=join(...))``),
not position by position: after ``x, rgb = block(...)``, ``rgb`` may be any block's ``x``.  With
two blocks that is a warning ("on the paths where it is the saved tensor"); with three or more
the joined group has more than ``MAX_GROUP`` (12) members, ``make_group`` keeps only the
storages, and without ``members`` the "depends on the path" test in ``calls.py`` no longer
applies: an error.  With ``MAX_GROUP`` raised to 100 the library's finding and this copy are
warnings.  A loop over ``enumerate(self.blocks)`` runs once per block and is quiet; the block
taken as ``self.blocks[i]`` with ``i`` unknown is "one of the blocks" again and flagged (an
error).  The position loss alone shows in three lines: ``pair = (h, out)`` in one arm of an
``if`` and ``pair = (h + 1, out + 1)`` in the other, then ``a, b = pair; b.mul_(2)`` with ``h``
the output of ``relu``: a warning, although ``b`` is ``out`` or ``out + 1``.
"""
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lin = nn.Linear(dim, dim)
        self.act = nn.LeakyReLU(0.2, inplace=True)
        self.to_rgb = nn.Linear(dim, 3)

    def forward(self, x, prev_rgb, style):
        x = self.act(self.lin(x) + style)
        rgb = self.to_rgb(x)
        if prev_rgb is not None:
            rgb = rgb + prev_rgb
        return x, rgb


class Generator(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.blocks = nn.ModuleList([Block(dim) for _ in range(depth)])

    def forward(self, x, styles):
        rgb = None
        for style, block in zip(styles, self.blocks):
            x, rgb = block(x, rgb, style)
        return rgb


def train_step(gen, opt, x, styles):
    images = gen(x, styles)
    images.clamp_(0.0, 1.0)
    loss = (images - 0.5).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss


if __name__ == "__main__":
    torch.manual_seed(0)
    gen = Generator(8, 3)
    opt = torch.optim.Adam(gen.parameters(), lr=1e-3)
    for _ in range(3):
        loss = train_step(gen, opt, torch.randn(4, 8), torch.randn(3, 4, 8))
    assert torch.isfinite(loss)
    print("ok")
