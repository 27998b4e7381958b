def split_offsets(net, n_coords=3):
    """[B, 3 + C, S] -> the xyz offsets and the feature residuals."""
    return net[:, :n_coords], net[:, n_coords:]
