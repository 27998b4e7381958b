import torch.nn as nn

from .losses import ContentLoss, StyleLoss


class Normalization(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", mean.view(-1, 1, 1))
        self.register_buffer("std", std.view(-1, 1, 1))

    def forward(self, img):
        return (img - self.mean) / self.std


def _backbone(width=6):
    return nn.Sequential(
        nn.Conv2d(3, width, 3, padding=1), nn.ReLU(),
        nn.Conv2d(width, width, 3, padding=1), nn.ReLU(),
        nn.AvgPool2d(2),
        nn.Conv2d(width, width, 3, padding=1), nn.ReLU(),
    )


def build_loss_net(norm, content_img, style_img, content_layers=("conv_2",), style_layers=("conv_1", "conv_2", "conv_3")):
    """Copy the backbone layer by layer, inserting loss layers after the named convolutions."""
    cnn = _backbone().eval()
    for p in cnn.parameters():
        p.requires_grad_(False)
    model = nn.Sequential(Normalization(**norm))
    content_losses, style_losses = [], []
    i = 0
    for layer in cnn.children():
        if isinstance(layer, nn.Conv2d):
            i += 1
            name = f"conv_{i}"
        elif isinstance(layer, nn.ReLU):
            name = f"relu_{i}"
            layer = nn.ReLU(inplace=False)
        else:
            name = f"pool_{i}"
        model.add_module(name, layer)
        if name in content_layers:
            loss = ContentLoss(model(content_img))
            model.add_module(f"content_loss_{i}", loss)
            content_losses.append(loss)
        if name in style_layers:
            loss = StyleLoss(model(style_img))
            model.add_module(f"style_loss_{i}", loss)
            style_losses.append(loss)
    return model, content_losses, style_losses
