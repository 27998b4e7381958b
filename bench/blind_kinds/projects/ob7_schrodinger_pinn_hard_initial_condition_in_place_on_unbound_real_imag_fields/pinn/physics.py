import torch


def _grad(y, xt):
    (g,) = torch.autograd.grad(y.sum(), xt, create_graph=True)
    return g[:, 0], g[:, 1]


def nls_residual(u, v, xt):
    u_x, u_t = _grad(u, xt)
    v_x, v_t = _grad(v, xt)
    u_xx, _ = _grad(u_x, xt)
    v_xx, _ = _grad(v_x, xt)
    mod2 = u.pow(2) + v.pow(2)
    return -v_t + 0.5 * u_xx + mod2 * u, u_t + 0.5 * v_xx + mod2 * v


def periodic_boundary_loss(field, left, right):
    ul, vl = field(left)
    ur, vr = field(right)
    ul_x, _ = _grad(ul, left)
    ur_x, _ = _grad(ur, right)
    vl_x, _ = _grad(vl, left)
    vr_x, _ = _grad(vr, right)
    return ((ul - ur).pow(2) + (vl - vr).pow(2) + (ul_x - ur_x).pow(2) + (vl_x - vr_x).pow(2)).mean()
