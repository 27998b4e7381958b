import torch


class LayerNormFn(torch.autograd.Function):
    """Affine-free layer norm over the last dim with a hand-written backward.

    Saves the input and recomputes the normalised values in backward."""

    @staticmethod
    def forward(ctx, x, eps):
        mean = x.mean(-1, keepdim=True)
        rstd = (x.var(-1, unbiased=False, keepdim=True) + eps).rsqrt()
        ctx.save_for_backward(x, mean, rstd)
        return (x - mean) * rstd

    @staticmethod
    def backward(ctx, grad):
        x, mean, rstd = ctx.saved_tensors
        xhat = (x - mean) * rstd
        g_mean = grad.mean(-1, keepdim=True)
        gx_mean = (grad * xhat).mean(-1, keepdim=True)
        return rstd * (grad - g_mean - xhat * gx_mean), None


def layer_norm(x, eps=1e-5):
    return LayerNormFn.apply(x, eps)
