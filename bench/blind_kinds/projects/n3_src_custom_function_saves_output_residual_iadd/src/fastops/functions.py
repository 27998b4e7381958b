import torch


class ScaledTanh(torch.autograd.Function):
    """y = scale * tanh(x), saving only y: dy/dx = scale - y * y / scale."""

    @staticmethod
    def forward(ctx, x, scale):
        y = torch.tanh(x).mul_(scale)
        ctx.save_for_backward(y)
        ctx.scale = scale
        return y

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return grad * (ctx.scale - y * y / ctx.scale), None
