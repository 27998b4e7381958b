import torch


class LayerNormFn(torch.autograd.Function):
    """Affine-free layer norm over the last dim with a hand-written backward.

    Saves the normalised output (not the input) so the input can be freed early."""

    @staticmethod
    def forward(ctx, x, eps):
        mean = x.mean(-1, keepdim=True)
        rstd = (x.var(-1, unbiased=False, keepdim=True) + eps).rsqrt()
        xhat = (x - mean) * rstd
        ctx.save_for_backward(xhat, rstd)
        return xhat

    @staticmethod
    def backward(ctx, grad):
        xhat, rstd = ctx.saved_tensors
        g_mean = grad.mean(-1, keepdim=True)
        gx_mean = (grad * xhat).mean(-1, keepdim=True)
        return rstd * (grad - g_mean - xhat * gx_mean), None


def layer_norm(x, eps=1e-5):
    return LayerNormFn.apply(x, eps)
