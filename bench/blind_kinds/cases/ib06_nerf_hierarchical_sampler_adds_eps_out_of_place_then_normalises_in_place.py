"""A tiny NeRF with hierarchical volume sampling (Mildenhall et al. 2020): the coarse network's
compositing weights define a piecewise-constant PDF along each ray from which the fine samples are
drawn. The sampler is handed `weights[..., 1:-1].detach()` (no gradient through the sampling),
adds its 1e-5 "prevent NaNs" floor out of place as the reference code does, and normalises the
floored copy in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def positional_encoding(x, n_freqs=4):
    out = [x]
    for i in range(n_freqs):
        out += [torch.sin(2.0 ** i * x), torch.cos(2.0 ** i * x)]
    return torch.cat(out, -1)


class TinyNeRF(nn.Module):
    def __init__(self, n_freqs=4, width=32):
        super().__init__()
        d_in = 3 * (1 + 2 * n_freqs)
        self.n_freqs = n_freqs
        self.trunk = nn.Sequential(nn.Linear(d_in, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.sigma = nn.Linear(width, 1)
        self.rgb = nn.Linear(width, 3)

    def forward(self, pts):
        h = self.trunk(positional_encoding(pts, self.n_freqs))
        return torch.sigmoid(self.rgb(h)), F.relu(self.sigma(h)).squeeze(-1)


def render(model, rays_o, rays_d, z_vals):
    pts = rays_o[:, None] + rays_d[:, None] * z_vals[..., None]
    rgb, sigma = model(pts)
    dists = torch.cat([z_vals[..., 1:] - z_vals[..., :-1], torch.full_like(z_vals[..., :1], 1e10)], -1)
    alpha = 1.0 - torch.exp(-sigma * dists)
    trans = torch.cumprod(torch.cat([torch.ones_like(alpha[..., :1]), 1.0 - alpha + 1e-10], -1), -1)[..., :-1]
    weights = alpha * trans
    rgb_map = torch.sum(weights[..., None] * rgb, -2)
    return rgb_map, weights


def sample_pdf(bins, weights, n_samples):
    weights = weights + 1e-5
    pdf = weights.div_(torch.sum(weights, -1, keepdim=True))  # L
    cdf = torch.cumsum(pdf, -1)
    cdf = torch.cat([torch.zeros_like(cdf[..., :1]), cdf], -1)
    u = torch.rand(list(cdf.shape[:-1]) + [n_samples])
    inds = torch.searchsorted(cdf, u, right=True)
    below = torch.clamp(inds - 1, min=0)
    above = torch.clamp(inds, max=cdf.shape[-1] - 1)
    cdf_lo, cdf_hi = torch.gather(cdf, -1, below), torch.gather(cdf, -1, above)
    bin_lo, bin_hi = torch.gather(bins, -1, below), torch.gather(bins, -1, above)
    denom = torch.where(cdf_hi - cdf_lo < 1e-5, torch.ones_like(cdf_hi), cdf_hi - cdf_lo)
    return bin_lo + (u - cdf_lo) / denom * (bin_hi - bin_lo)


def render_rays(coarse, fine, rays_o, rays_d, near=2.0, far=6.0, n_coarse=8, n_fine=8):
    t = torch.linspace(0.0, 1.0, n_coarse)
    z_vals = (near * (1.0 - t) + far * t).expand(rays_o.shape[0], n_coarse)
    rgb_coarse, weights = render(coarse, rays_o, rays_d, z_vals)
    mids = 0.5 * (z_vals[..., 1:] + z_vals[..., :-1])
    z_fine = sample_pdf(mids, weights[..., 1:-1].detach(), n_fine)  # L
    z_all, _ = torch.sort(torch.cat([z_vals, z_fine], -1), -1)
    rgb_fine, _ = render(fine, rays_o, rays_d, z_all)
    return rgb_coarse, rgb_fine


def run():
    torch.manual_seed(0)
    coarse, fine = TinyNeRF(), TinyNeRF()
    opt = torch.optim.Adam(list(coarse.parameters()) + list(fine.parameters()), lr=5e-4)
    for _ in range(2):
        rays_o = torch.randn(6, 3) * 0.1
        rays_d = F.normalize(torch.randn(6, 3), dim=-1)
        target = torch.rand(6, 3)
        rgb_c, rgb_f = render_rays(coarse, fine, rays_o, rays_d)
        loss = F.mse_loss(rgb_c, target) + F.mse_loss(rgb_f, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
