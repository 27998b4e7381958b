"""Ascent steps and projections per threat model, written in place on the adversarial batch."""


def linf_step_(x_adv, grad, alpha):
    return x_adv.add_(grad.sign(), alpha=alpha)  # L


def linf_project_(x_adv, x, eps):
    x_adv.copy_(x_adv.clamp(min=x - eps, max=x + eps))  # L
    return x_adv.clamp_(0.0, 1.0)  # L


def l2_step_(x_adv, grad, alpha):
    norm = grad.flatten(1).norm(dim=1).clamp_min(1e-12).view(-1, *([1] * (grad.dim() - 1)))
    return x_adv.add_(grad / norm, alpha=alpha)


def l2_project_(x_adv, x, eps):
    delta = x_adv - x
    norm = delta.flatten(1).norm(dim=1).view(-1, *([1] * (delta.dim() - 1)))
    x_adv.copy_(x + delta * (eps / norm).clamp(max=1.0))
    return x_adv.clamp_(0.0, 1.0)


NORMS = {"linf": (linf_step_, linf_project_), "l2": (l2_step_, l2_project_)}
