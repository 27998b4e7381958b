# From torchdiffeq 0.2.5, torchdiffeq/_impl/rk_common.py:33 (`scratch.data[index] = value` in
# _UncheckedAssign.forward), reported as IPL004 "saved by `mul` at line 77" (the Runge-Kutta stage
# sum `k[..., :i + 1] * (beta_i * dt)`).  Safe: each `.data` write fills column i + 1 of k, while
# the mul saved only the slice k[..., :i + 1] (columns 0..i), so no saved value ever changes.
# Running the library with this assign and with a checked out-of-place copy gave identical
# gradients (w.r.t. y0, t0, t1 and a parameter of f).
import torch


class UncheckedAssign(torch.autograd.Function):
    @staticmethod
    def forward(ctx, scratch, value, index):
        ctx.index = index
        scratch.data[index] = value  # sneak past the version checker
        return scratch

    @staticmethod
    def backward(ctx, grad_scratch):
        return grad_scratch, grad_scratch[ctx.index], None


def checked(scratch, value, index):  # the same write, out of place and version-checked
    scratch = scratch.clone()
    scratch[index] = value
    return scratch


def grads(assign, y0=torch.randn(3), dt=torch.tensor(0.1), betas=(0.5, 0.25, 0.125)):
    y0, dt = y0.clone().requires_grad_(), dt.clone().requires_grad_()
    k = assign(torch.empty(3, len(betas) + 1), torch.tanh(y0), (..., 0))
    for i, beta in enumerate(betas):
        yi = y0 + torch.sum(k[..., :i + 1] * (beta * dt), dim=-1)
        k = assign(k, torch.tanh(yi), (..., i + 1))
    k.sum().backward()
    return torch.cat([y0.grad, dt.grad.view(1)])


assert torch.equal(grads(UncheckedAssign.apply), grads(checked))
