import torch.nn as nn


class ConvLayer(nn.Sequential):
    def __init__(self, c_in, c_out, kernel, stride=1):
        super().__init__(nn.ReflectionPad2d(kernel // 2), nn.Conv2d(c_in, c_out, kernel, stride))


class ImageModel(nn.Module):
    """Encoder -> residual body -> decoder; subclasses build the three parts."""

    def build(self, channels):
        raise NotImplementedError

    def __init__(self, channels):
        super().__init__()
        self.encoder, self.body, self.decoder = self.build(channels)

    def forward(self, x):
        return self.decoder(self.body(self.encoder(x)))
