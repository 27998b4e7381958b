import torch


class ClampInplace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.mark_dirty(x)
        x.clamp_(0, 1)  # L
        ctx.save_for_backward(x)
        return x

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * ((x > 0) & (x < 1)).to(g.dtype)


def run():
    a = torch.randn(5, requires_grad=True)
    b = a * 2
    ClampInplace.apply(b).sum().backward()
