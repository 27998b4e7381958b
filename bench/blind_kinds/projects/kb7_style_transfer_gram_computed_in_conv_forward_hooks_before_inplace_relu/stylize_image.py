import torch

from styletx import StyleLoss, make_features, stylize

CONFIG = {"net": "tiny", "style_layers": ["conv1", "conv3", "conv4"], "eager_gram": True, "steps": 2}  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    net = make_features(cfg["net"])
    style_loss = StyleLoss(net, cfg["style_layers"], eager_gram=cfg["eager_gram"])
    content, style = torch.rand(1, 3, 8, 8), torch.rand(1, 3, 8, 8)
    stylize(net, style_loss, content, style, steps=cfg["steps"])  # L


if __name__ == "__main__":
    main()
