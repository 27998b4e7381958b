import torch.nn.functional as F


def dual_scale_loss(model, pred_norm, target, alpha=0.5):
    """MSE in the normalised space plus MAE in the original scale (as the leaderboard metric is)."""
    norm_loss = F.mse_loss(pred_norm, model.revin.normalize_target(target))
    pred = model.revin.denormalize(pred_norm)  # L
    return norm_loss + alpha * F.l1_loss(pred, target)
