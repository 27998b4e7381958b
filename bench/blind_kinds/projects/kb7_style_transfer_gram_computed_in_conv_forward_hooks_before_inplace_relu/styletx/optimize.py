import torch
import torch.nn.functional as F


def stylize(net, style_loss, content, style, steps=3, lr=0.05, style_weight=1e3):
    with torch.no_grad():
        net(style)
        style_loss.set_target()
        content_target = net(content).clone()
    image = content.clone().requires_grad_(True)
    opt = torch.optim.Adam([image], lr=lr)
    for step in range(steps):
        feats = net(image)  # L
        loss = F.mse_loss(feats, content_target) + style_weight * style_loss()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())
    return image.detach()
