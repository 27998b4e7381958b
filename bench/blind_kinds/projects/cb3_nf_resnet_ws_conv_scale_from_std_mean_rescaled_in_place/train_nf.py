import torch
import torch.nn.functional as F

from nfnet import NFNet

CFG = {"model": {"in_channels": 1, "width": 4, "depth": 2, "n_classes": 3, "ws_stat": "std"},
       "lr": 0.05, "clip": 0.01, "steps": 3}


def unitwise_norm(t):
    return torch.linalg.vector_norm(t, dim=tuple(range(1, t.ndim)), keepdim=True) if t.ndim > 1 else t.abs()


@torch.no_grad()
def adaptive_clip_(parameters, clip, eps=1e-3):
    """Adaptive gradient clipping: rescale each row's gradient to at most clip * ||W row||."""
    for p in parameters:
        if p.grad is None:
            continue
        max_norm = unitwise_norm(p).clamp_(min=eps).mul_(clip)
        g_norm = unitwise_norm(p.grad)
        p.grad.mul_(torch.where(g_norm > max_norm, max_norm / g_norm.clamp(min=1e-6), torch.ones_like(g_norm)))


def main(cfg=CFG):
    torch.manual_seed(0)
    model = NFNet(**cfg["model"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True)
    for step in range(cfg["steps"]):
        x, y = torch.randn(2, 1, 6, 6), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        adaptive_clip_(model.parameters(), cfg["clip"])
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
