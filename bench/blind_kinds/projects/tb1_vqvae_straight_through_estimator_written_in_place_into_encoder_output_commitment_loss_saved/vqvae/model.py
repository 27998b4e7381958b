import torch.nn as nn

from .quantizer import VectorQuantizer


def conv_block(cin, cout, down=True):
    conv = nn.Conv2d(cin, cout, 4, 2, 1) if down else nn.ConvTranspose2d(cin, cout, 4, 2, 1)
    return nn.Sequential(conv, nn.BatchNorm2d(cout), nn.ReLU())


class VQVAE(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.encoder = nn.Sequential(conv_block(1, cfg["hidden"]), nn.Conv2d(cfg["hidden"], cfg["dim"], 1))
        self.quantizer = VectorQuantizer(cfg["codes"], cfg["dim"], cfg["beta"])
        self.decoder = nn.Sequential(nn.Conv2d(cfg["dim"], cfg["hidden"], 1),
                                     conv_block(cfg["hidden"], 1, down=False))

    def forward(self, x):
        z = self.encoder(x)
        z_q, vq_loss, idx = self.quantizer(z)  # L
        return self.decoder(z_q), vq_loss, idx
