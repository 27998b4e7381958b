import torch


def split_offsets(net, n_coords=3):
    """[B, 3 + C, S] -> the xyz offsets and the feature residuals."""
    return torch.split(net, [n_coords, net.shape[1] - n_coords], dim=1)
