from . import ops


def contrastive_divergence(energy, x_pos, x_neg, alpha=0.1, cap=10.0):
    e_pos, e_neg = energy.joint(x_pos, x_neg)
    ops.clip_energies_(e_pos, e_neg, cap=cap)  # L
    reg = alpha * (e_pos**2 + e_neg**2).mean()
    return e_pos.mean() - e_neg.mean() + reg
