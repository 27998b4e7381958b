# Source: https://github.com/kail8/UnsupDIS-pytorch/issues/26
# Safe twin: the maintainer's suggested fix (confirmed working by the reporter):
# build the replacement out of place from a detached mask.
import torch


def project(coords, eps=1e-7):
    xy, t_s = torch.split(coords, [2, 1], dim=1)
    t_s_flat = t_s.reshape(-1)
    small_value = (t_s_flat.detach().abs() < eps).float()
    t_s_flat = t_s_flat * (1 - small_value) + small_value * eps
    return xy.reshape(-1, 2) / t_s_flat.unsqueeze(1)


def run():
    coords = torch.randn(5, 3, requires_grad=True)
    out = project(coords * 1.0)
    out.sum().backward()


if __name__ == "__main__":
    run()
