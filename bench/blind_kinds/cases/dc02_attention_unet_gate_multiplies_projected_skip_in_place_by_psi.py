"""An Attention U-Net (Oktay et al. 2018) with one down and one up level.  The attention gate
computes psi = sigmoid(conv(relu(W_g g + W_x x))) from the decoder's gating signal and the encoder's
skip, and multiplies its own 1x1 projection of the skip by psi in place (the projection is not
needed again, so the gate saves a temporary).  The encoder blocks end in ReLU."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def enc_block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU())


class AttentionGate(nn.Module):
    def __init__(self, g_ch, x_ch, inter):
        super().__init__()
        self.w_g = nn.Conv2d(g_ch, inter, 1)
        self.w_x = nn.Conv2d(x_ch, inter, 1)
        self.psi = nn.Conv2d(inter, 1, 1)
        self.value = nn.Conv2d(x_ch, x_ch, 1)

    def forward(self, g, x):
        g = F.interpolate(self.w_g(g), size=x.shape[-2:], mode="bilinear", align_corners=False)
        psi = torch.sigmoid(self.psi(F.relu(g + self.w_x(x))))
        return self.value(x).mul_(psi)  # L


class AttUNet(nn.Module):
    def __init__(self, ch=8, classes=3):
        super().__init__()
        self.enc1 = enc_block(3, ch)
        self.enc2 = enc_block(ch, 2 * ch)
        self.gate = AttentionGate(2 * ch, ch, ch // 2)
        self.up = nn.ConvTranspose2d(2 * ch, ch, 2, stride=2)
        self.dec = nn.Conv2d(2 * ch, ch, 3, padding=1)
        self.out = nn.Conv2d(ch, classes, 1)

    def forward(self, x):
        s1 = self.enc1(x)
        bottom = self.enc2(F.max_pool2d(s1, 2))
        skip = self.gate(bottom, s1)  # L
        y = torch.cat([skip, self.up(bottom)], 1)
        return self.out(F.relu(self.dec(y)))


def run():
    torch.manual_seed(0)
    model = AttUNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.randn(2, 3, 16, 16), torch.randint(0, 3, (2, 16, 16))
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
