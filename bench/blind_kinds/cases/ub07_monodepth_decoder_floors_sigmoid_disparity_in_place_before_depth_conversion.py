"""Self-supervised depth in the Monodepth2 shape: a sigmoid disparity head per decoder scale,
`disp_to_depth` mapping it into [min_depth, max_depth], an edge-aware smoothness term on the
disparity. A floor keeps the disparity away from zero before the conversion, applied in place on
the head's output."""
import torch
import torch.nn as nn
import torch.nn.functional as F

MIN_DEPTH, MAX_DEPTH = 0.1, 100.0


def disp_to_depth(disp, min_depth=MIN_DEPTH, max_depth=MAX_DEPTH):
    min_disp, max_disp = 1 / max_depth, 1 / min_depth
    disp.clamp_(min=1e-3)  # L
    scaled = min_disp + (max_disp - min_disp) * disp
    return scaled, 1 / scaled


def smoothness(disp, img):
    dx = (disp[..., 1:] - disp[..., :-1]).abs()
    w = torch.exp(-(img[..., 1:] - img[..., :-1]).abs().mean(1, keepdim=True))
    return (dx * w).mean()


class DepthNet(nn.Module):
    def __init__(self, scales=(0, 1)):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ELU())
        self.heads = nn.ModuleDict({str(s): nn.Conv2d(8, 1, 3, padding=1) for s in scales})

    def forward(self, img):
        feat = self.enc(img)
        outputs = {}
        for s, head in self.heads.items():
            f = F.avg_pool2d(feat, 2 ** int(s)) if int(s) else feat
            outputs[("disp", int(s))] = torch.sigmoid(head(f))
        return outputs


def run():
    torch.manual_seed(0)
    net = DepthNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    for _ in range(2):
        img, gt_depth = torch.rand(2, 3, 8, 8), torch.rand(2, 1, 8, 8) * 10 + 1
        outputs = net(img)
        loss = 0.0
        for (_, s), disp in outputs.items():
            scaled = F.interpolate(img, size=disp.shape[-2:], mode="bilinear", align_corners=False)
            loss = loss + 1e-3 * smoothness(disp, scaled)
            _, depth = disp_to_depth(disp)
            target = F.interpolate(gt_depth, size=depth.shape[-2:], mode="nearest")
            loss = loss + F.l1_loss(depth.log(), target.log())
        opt.zero_grad()
        loss.backward()
        opt.step()
