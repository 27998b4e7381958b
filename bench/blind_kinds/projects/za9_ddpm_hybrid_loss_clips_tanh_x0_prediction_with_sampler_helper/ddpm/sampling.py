import torch


def clip_denoised_(x0):
    """Keep a predicted clean sample inside the data range (shared by training and sampling)."""
    return x0.clamp_(-1.0, 1.0)  # L


@torch.no_grad()
def p_sample_loop(model, sched, shape):
    x = torch.randn(shape)
    for i in reversed(range(sched.steps)):
        t = torch.full((shape[0],), i, dtype=torch.long)
        x0 = clip_denoised_(model(x, t))
        if i == 0:
            return x0
        a_prev = sched.alphas_bar[i - 1]
        eps = sched.eps_from_x0(x, t, x0)
        x = a_prev.sqrt() * x0 + (1 - a_prev).sqrt() * eps
    return x
