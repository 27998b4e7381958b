"""A spatial transformer glimpse classifier: a localisation net predicts one affine transform per
image, and the glimpses are read along a horizontal sweep by shifting the sampling grid in place
between reads (`grid[..., 0] += step`), the grid built once."""
import torch
import torch.nn as nn
import torch.nn.functional as F

GLIMPSES, SIZE = 3, 8


class Localiser(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(SIZE * SIZE, 16), nn.Tanh(), nn.Linear(16, 6))
        nn.init.zeros_(self.net[-1].weight)
        with torch.no_grad():
            self.net[-1].bias.copy_(torch.tensor([0.5, 0.0, -0.5, 0.0, 0.5, 0.0]))

    def forward(self, img):
        return self.net(img).view(-1, 2, 3)


class GlimpseNet(nn.Module):
    def __init__(self, classes=4, step=0.5):
        super().__init__()
        self.loc = Localiser()
        self.step = step
        self.read = nn.Sequential(nn.Flatten(), nn.Linear(4 * 4, 12), nn.ReLU())
        self.cls = nn.Linear(12 * GLIMPSES, classes)

    def forward(self, img):
        theta = self.loc(img)
        grid = F.affine_grid(theta, (img.shape[0], 1, 4, 4), align_corners=False)
        codes = []
        for _ in range(GLIMPSES):
            glimpse = F.grid_sample(img, grid, align_corners=False)
            codes.append(self.read(glimpse))
            grid[..., 0] += self.step  # L
        return self.cls(torch.cat(codes, dim=1))


def run():
    torch.manual_seed(0)
    model = GlimpseNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        img, y = torch.randn(3, 1, SIZE, SIZE), torch.randint(0, 4, (3,))
        loss = F.cross_entropy(model(img), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
