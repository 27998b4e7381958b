import torch


class FakeQuantSTE(torch.autograd.Function):
    """Symmetric fake quantisation; the backward passes the gradient inside the clipping range."""

    @staticmethod
    def forward(ctx, x, scale, qmax):
        ctx.save_for_backward(x, scale)
        ctx.qmax = qmax
        return torch.clamp(torch.round(x / scale), -qmax, qmax) * scale

    @staticmethod
    def backward(ctx, grad):
        x, scale = ctx.saved_tensors
        inside = (x / scale).abs() <= ctx.qmax
        return grad * inside.to(grad.dtype), None, None
