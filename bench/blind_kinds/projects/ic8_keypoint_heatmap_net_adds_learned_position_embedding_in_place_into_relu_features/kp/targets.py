import torch


@torch.no_grad()
def render_heatmaps(points, n_kp, size, sigma=1.5):
    """Gaussian peaks at integer keypoints, into a zero buffer (CenterNet's draw_gaussian)."""
    ys, xs = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    hm = torch.zeros(points.shape[0], n_kp, size, size)
    for b in range(points.shape[0]):
        for k in range(n_kp):
            x, y = points[b, k].tolist()
            g = torch.exp(-((xs - x) ** 2 + (ys - y) ** 2) / (2 * sigma ** 2))
            hm[b, k] = torch.maximum(hm[b, k], g)
    return hm
