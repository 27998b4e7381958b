import torch


def stylize(net, content_losses, style_losses, input_img, steps=3, style_weight=1e4, content_weight=1.0):
    input_img.requires_grad_(True)
    net.requires_grad_(False)
    optimizer = torch.optim.LBFGS([input_img], max_iter=4)
    history = []

    def closure():
        # keep the image a valid picture before every evaluation L-BFGS makes
        input_img.clamp_(0, 1)  # L
        optimizer.zero_grad()
        net(input_img)
        style = sum(sl.loss for sl in style_losses)
        content = sum(cl.loss for cl in content_losses)
        loss = style_weight * style + content_weight * content
        loss.backward()
        history.append(loss.item())
        return loss

    for _ in range(steps):
        optimizer.step(closure)
    with torch.no_grad():
        input_img.clamp_(0, 1)
    return input_img.detach(), history
