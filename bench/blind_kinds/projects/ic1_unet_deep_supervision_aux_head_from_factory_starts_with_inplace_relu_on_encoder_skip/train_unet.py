"""Train a tiny U-Net for segmentation with an auxiliary (deep supervision) head."""
import torch
import torch.nn.functional as F

from unet import UNet

CFG = {"width": 4, "n_cls": 3, "aux_head": {"pre_act": "relu_inplace", "n_cls": 3}, "aux_weight": 0.4}


def main(cfg=CFG):
    torch.manual_seed(0)
    model = UNet(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 3, 16, 16), torch.randint(0, cfg["n_cls"], (2, 16, 16))
        out, aux = model(x)
        aux_y = F.interpolate(y[:, None].float(), size=aux.shape[-2:], mode="nearest")[:, 0].long()
        loss = F.cross_entropy(out, y) + cfg["aux_weight"] * F.cross_entropy(aux, aux_y)
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
