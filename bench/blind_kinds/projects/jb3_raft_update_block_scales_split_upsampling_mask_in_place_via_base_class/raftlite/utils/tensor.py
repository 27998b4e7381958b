import torch
import torch.nn.functional as F


def split_channels(t, sizes):
    """Cut a fused head's output into its parts along the channels."""
    return t.split(list(sizes), dim=1)


def convex_upsample(flow, mask, r):
    """RAFT's convex upsampling: each fine pixel is a softmax-weighted mix of 3x3 coarse ones."""
    n, _, h, w = flow.shape
    mask = mask.view(n, 1, 9, r, r, h, w).softmax(dim=2)
    up = F.unfold(r * flow, [3, 3], padding=1).view(n, 2, 9, 1, 1, h, w)
    up = (mask * up).sum(dim=2)
    return up.permute(0, 1, 4, 2, 5, 3).reshape(n, 2, r * h, r * w)


def synthetic_flow_batches(steps, batch_size, size):
    for _ in range(steps):
        img1 = torch.randn(batch_size, 3, size, size)
        shift = torch.randint(-1, 2, (2,))
        img2 = torch.roll(img1, shifts=(int(shift[0]), int(shift[1])), dims=(2, 3))
        target = shift.float().view(1, 2, 1, 1).expand(batch_size, 2, size, size)
        yield img1, img2, target
