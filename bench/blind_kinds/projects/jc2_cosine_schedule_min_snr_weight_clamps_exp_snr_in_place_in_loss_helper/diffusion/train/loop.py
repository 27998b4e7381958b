import torch

from ..losses import weighted_eps_loss


def train(model, schedule, data, cfg):
    params = list(model.parameters()) + list(schedule.parameters())
    opt = torch.optim.Adam(params, lr=cfg["lr"])
    for step, x in enumerate(data):
        t = torch.rand(x.shape[0], 1)
        gamma = schedule(t)
        alpha, sigma = torch.sigmoid(-gamma).sqrt(), torch.sigmoid(gamma).sqrt()
        eps = torch.randn_like(x)
        pred = model(torch.cat([alpha * x + sigma * eps, gamma], dim=1))
        loss = weighted_eps_loss(pred, eps, gamma, cfg["snr_clip"])  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))
