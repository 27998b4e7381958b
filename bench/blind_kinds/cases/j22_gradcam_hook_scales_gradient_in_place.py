import torch
import torch.nn as nn
import torch.nn.functional as F


class GradCAM:
    """Grad-CAM computed during the training backward; the CAM re-weights the gradient."""

    def __init__(self, layer):
        self.cams = []
        layer.register_forward_hook(self._on_forward)

    def _on_forward(self, module, inputs, output):
        output.register_hook(self._make_hook(output))

    def _make_hook(self, act):
        def hook(grad):
            weights = grad.mean(dim=(2, 3), keepdim=True)
            cam = act.detach().mul(weights).sum(1).clamp_(min=0)  # L
            self.cams.append(cam)
            return grad.mul_(1.0 + cam.unsqueeze(1))  # L
        return hook


def build():
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(),
        nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 3),
    )


def run():
    torch.manual_seed(0)
    net = build()
    cam = GradCAM(net[3])
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    x, y = torch.randn(2, 3, 5, 5), torch.tensor([0, 2])
    loss = F.cross_entropy(net(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return cam.cams
