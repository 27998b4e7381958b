import torch
import torch.nn.functional as F


def votenet_loss(out, gt_centers):
    """Vote loss (each vote to its nearest ground-truth centre), objectness by distance of the
    proposal centre to the nearest centre, and centre regression for positive proposals."""
    vote_dist = torch.cdist(out["vote_xyz"], gt_centers).min(-1).values
    vote_loss = vote_dist.mean()
    prop_dist = torch.cdist(out["center"], gt_centers).min(-1).values
    positive = (prop_dist.detach() < 0.3).long()
    obj_loss = F.cross_entropy(out["objectness"].reshape(-1, 2), positive.reshape(-1))
    center_loss = (prop_dist * positive).sum() / positive.sum().clamp(min=1)
    return vote_loss + 0.5 * obj_loss + center_loss
