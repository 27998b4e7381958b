import torch

from nst import build_loss_net, stylize

CONFIG = {
    "size": 8,
    "norm": {"mean": torch.tensor([0.485, 0.456, 0.406]), "std": torch.tensor([0.229, 0.224, 0.225])},
    "steps": 2,
    "style_weight": 1e4,
}


def main():
    torch.manual_seed(0)
    size = CONFIG["size"]
    content = torch.rand(1, 3, size, size)
    style = torch.rand(1, 3, size, size)
    net, content_losses, style_losses = build_loss_net(CONFIG["norm"], content, style)
    start = content.clone()
    out, history = stylize(net, content_losses, style_losses, start,  # L
                           steps=CONFIG["steps"], style_weight=CONFIG["style_weight"])
    print("loss", history[0], "->", history[-1], tuple(out.shape))


if __name__ == "__main__":
    main()
