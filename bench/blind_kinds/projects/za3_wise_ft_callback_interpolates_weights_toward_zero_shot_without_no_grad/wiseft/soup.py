"""Weight-space ensembling (WiSE-FT): theta <- alpha * theta_finetuned + (1 - alpha) * theta_zeroshot."""


def snapshot(model):
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def interpolate_weights_(model, anchor, alpha):
    for name, p in model.named_parameters():
        p.mul_(alpha).add_(anchor[name], alpha=1.0 - alpha)  # L
    return model
