import torch


def grid_points(h, w, stride):
    ys, xs = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
    return (torch.stack([xs, ys], -1).float() + 0.5) * stride


def distance2bbox(points, distances, stride, max_shape):
    """(l, t, r, b) in stride units around each point -> clipped (x1, y1, x2, y2) in pixels."""
    distances = distances.mul_(stride)  # L
    boxes = torch.cat([points - distances[..., :2], points + distances[..., 2:]], -1)
    boxes[..., 0::2].clamp_(0, max_shape[1])
    boxes[..., 1::2].clamp_(0, max_shape[0])
    return boxes


def giou(a, b, eps=1e-7):
    lt, rb = torch.max(a[..., :2], b[..., :2]), torch.min(a[..., 2:], b[..., 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    area = lambda x: (x[..., 2:] - x[..., :2]).clamp(min=0).prod(-1)
    union = area(a) + area(b) - inter + eps
    enclose = (torch.max(a[..., 2:], b[..., 2:]) - torch.min(a[..., :2], b[..., :2])).prod(-1) + eps
    return inter / union - (enclose - union) / enclose
