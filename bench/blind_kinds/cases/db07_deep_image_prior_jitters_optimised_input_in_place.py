"""Deep image prior denoising (Ulyanov et al.) with the reference code's options: OPT_OVER picks what
is optimised ("net", "input" or both), and the fixed noise code is perturbed every iteration
(reg_noise_std), here in place to keep one buffer. This run optimises the input code as well."""
import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIG = {"opt_over": "net,input", "reg_noise_std": 1.0 / 30, "lr": 0.01, "iters": 3, "in_ch": 4}


def conv_block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.LeakyReLU(0.2))


def build_net(in_ch, width=8):
    return nn.Sequential(conv_block(in_ch, width), conv_block(width, width), nn.Conv2d(width, 3, 1), nn.Sigmoid())


def get_params(opt_over, net, net_input):
    params = []
    for what in opt_over.split(","):
        if what == "net":
            params += list(net.parameters())
        elif what == "input":
            net_input.requires_grad_(True)
            params.append(net_input)
        else:
            raise ValueError(what)
    return params


def run(cfg=CONFIG):
    torch.manual_seed(0)
    noisy = torch.rand(1, 3, 8, 8)
    net = build_net(cfg["in_ch"])
    net_input = torch.rand(1, cfg["in_ch"], 8, 8) * 0.1
    noise = torch.empty_like(net_input)
    opt = torch.optim.Adam(get_params(cfg["opt_over"], net, net_input), lr=cfg["lr"])
    for _ in range(cfg["iters"]):
        if cfg["reg_noise_std"] > 0:
            net_input.add_(noise.normal_(), alpha=cfg["reg_noise_std"])  # L
        loss = F.mse_loss(net(net_input), noisy)
        opt.zero_grad()
        loss.backward()
        opt.step()
