"""Arbitrary style transfer with AdaIN (Huang & Belongie), encoder fine-tuned jointly with the
decoder; the AdaIN helper normalises the content features in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def calc_mean_std(feat, eps=1e-5):
    n, c = feat.shape[:2]
    flat = feat.reshape(n, c, -1)
    mean = flat.mean(-1).reshape(n, c, 1, 1)
    std = (flat.var(-1) + eps).sqrt().reshape(n, c, 1, 1)
    return mean, std


def adain(content, style):
    c_mean, c_std = calc_mean_std(content)
    s_mean, s_std = calc_mean_std(style)
    content.sub_(c_mean).div_(c_std)  # L
    return content.mul_(s_std).add_(s_mean)  # L


class StyleNet(nn.Module):
    def __init__(self, ch=4):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, ch, 3, padding=1), nn.ReLU())
        self.decoder = nn.Sequential(nn.Conv2d(ch, ch, 3, padding=1), nn.ReLU(), nn.Conv2d(ch, 3, 3, padding=1))

    def forward(self, content_img, style_img):
        t = adain(self.encoder(content_img), self.encoder(style_img))  # L
        return self.decoder(t), t


def run():
    torch.manual_seed(0)
    net = StyleNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        c, s = torch.rand(2, 3, 6, 6), torch.rand(2, 3, 6, 6)
        out, t = net(c, s)
        feats = net.encoder(out)
        loss = F.mse_loss(feats, t.detach())
        g_mean, g_std = calc_mean_std(feats)
        s_mean, s_std = calc_mean_std(net.encoder(s))
        loss = loss + F.mse_loss(g_mean, s_mean) + F.mse_loss(g_std, s_std)
        opt.zero_grad()
        loss.backward()
        opt.step()
