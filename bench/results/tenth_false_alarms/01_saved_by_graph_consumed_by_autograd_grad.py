"""sb3-contrib 2.9.2, common/utils.py:122 via trpo/trpo.py:295 (the linter: IPL001 *error*).

TRPO's conjugate-gradient solver starts from ``x = 1e-4 * randn_like(b)`` and calls the
Fisher-vector product on it once (``residual = b - fvp(x)``); the product multiplies the
KL gradient (made with ``create_graph=True``, so it requires grad) by ``x`` -- the mul saves
``x`` for the gradient of the KL gradient -- and at once takes ``torch.autograd.grad`` of the
sum with respect to the policy's parameters.  That is the only backward that ever goes through
the mul: it has run, inside the call, before the solver's ``x += alpha * p``; the product it
returns has no graph, and no later backward reaches that mul node (each later product builds
its own).  So the write cannot raise.  The linter sees the save and the later write and does
not use that the saving node's graph is consumed by ``autograd.grad`` before the write.
(The library takes the product's gradient through a ``flat_grad`` helper in another module;
here it is inline, which keeps the copy to the one finding.)
"""
from functools import partial

import torch
from torch import nn


def conjugate_gradient_solver(matrix_vector_dot_fn, b, max_iter=10, residual_tol=1e-10):
    x = 1e-4 * torch.randn_like(b)
    residual = b - matrix_vector_dot_fn(x)
    residual_squared_norm = torch.matmul(residual, residual)
    if residual_squared_norm < residual_tol:
        return x
    p = residual.clone()
    for i in range(max_iter):
        a_dot_p = matrix_vector_dot_fn(p)
        alpha = residual_squared_norm / p.dot(a_dot_p)
        x += alpha * p
        if i == max_iter - 1:
            return x
        residual -= alpha * a_dot_p
        new_residual_squared_norm = torch.matmul(residual, residual)
        if new_residual_squared_norm < residual_tol:
            return x
        beta = new_residual_squared_norm / residual_squared_norm
        residual_squared_norm = new_residual_squared_norm
        p = residual + beta * p
    return x


class Trpo:
    def __init__(self, policy: nn.Module, damping: float = 0.1):
        self.policy = policy
        self.cg_damping = damping

    def hessian_vector_product(self, params, grad_kl: torch.Tensor, vector: torch.Tensor,
                               retain_graph: bool = True) -> torch.Tensor:
        jacobian_vector_product = (grad_kl * vector).sum()
        grads = torch.autograd.grad(jacobian_vector_product, params, retain_graph=retain_graph)
        return torch.cat([g.reshape(-1) for g in grads]) + self.cg_damping * vector

    def train_step(self, obs: torch.Tensor) -> torch.Tensor:
        params = list(self.policy.parameters())
        with torch.no_grad():
            old = torch.log_softmax(self.policy(obs), -1)
        new = torch.log_softmax(self.policy(obs), -1)
        kl = (old.exp() * (old - new)).sum(-1).mean()
        objective = new[:, 0].mean()
        grad_kl_list, objective_grad_list = [], []
        for param in params:
            kl_grad, *_ = torch.autograd.grad(kl, param, create_graph=True, retain_graph=True)
            objective_grad_param, *_ = torch.autograd.grad(objective, param, retain_graph=True)
            grad_kl_list.append(kl_grad.reshape(-1))
            objective_grad_list.append(objective_grad_param.reshape(-1))
        grad_kl = torch.cat(grad_kl_list)
        objective_grad = torch.cat(objective_grad_list)
        fvp = partial(self.hessian_vector_product, params, grad_kl)
        direction = conjugate_gradient_solver(fvp, objective_grad, max_iter=5)
        step = torch.matmul(direction, fvp(direction, retain_graph=False))
        return direction, step


torch.manual_seed(0)
algo = Trpo(nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3)))
direction, step = algo.train_step(torch.randn(16, 4))
assert torch.isfinite(direction).all() and direction.shape == (4 * 8 + 8 + 8 * 3 + 3,)
assert not direction.requires_grad
print("ok", float(step))
