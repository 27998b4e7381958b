# Source: https://github.com/kail8/UnsupDIS-pytorch/issues/26
# Report: homography solving flattens one piece of a split tensor and clamps
# tiny values by index assignment, `t_s_flat[t_s_flat.abs() < eps] = eps`:
# "Output 0 of ViewBackward is a view and is being modified inplace. This view
# is an output of a function that returns multiple views."
import torch


def project(coords, eps=1e-7):
    xy, t_s = torch.split(coords, [2, 1], dim=1)
    t_s_flat = t_s.reshape(-1)
    t_s_flat[t_s_flat.abs() < eps] = eps  # hazard
    return xy.reshape(-1, 2) / t_s_flat.unsqueeze(1)


def run():
    coords = torch.randn(5, 3, requires_grad=True)
    out = project(coords * 1.0)
    out.sum().backward()


if __name__ == "__main__":
    run()
