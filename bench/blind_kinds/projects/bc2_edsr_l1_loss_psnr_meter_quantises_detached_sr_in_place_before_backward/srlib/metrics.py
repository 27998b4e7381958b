"""PSNR as SR papers report it: on the output quantised to 8-bit levels."""
import math


def quantize_(img, rgb_range=1.0):
    # in place: validation images are large, and the meter only reads the result
    pixel_range = 255.0 / rgb_range
    return img.mul_(pixel_range).clamp_(0, 255).round_().div_(pixel_range)  # L


class PSNRMeter:
    def __init__(self, rgb_range=1.0):
        self.rgb_range = rgb_range
        self.values = []

    def update(self, sr, hr):
        sr = quantize_(sr, self.rgb_range)  # L
        mse = (sr - hr).pow(2).mean().item()
        self.values.append(10 * math.log10(self.rgb_range ** 2 / max(mse, 1e-10)))

    @property
    def average(self):
        return sum(self.values) / max(len(self.values), 1)
