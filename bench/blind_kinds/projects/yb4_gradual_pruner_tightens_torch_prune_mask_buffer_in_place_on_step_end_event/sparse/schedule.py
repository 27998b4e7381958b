def cubic_sparsity(step, final=0.6, begin=0, end=4):
    """Zhu & Gupta's gradual schedule: s_t = s_f (1 - (1 - t)^3), t the fraction of the ramp done."""
    if step <= begin:
        return 0.0
    t = min(1.0, (step - begin) / max(1, end - begin))
    return final * (1.0 - (1.0 - t) ** 3)
