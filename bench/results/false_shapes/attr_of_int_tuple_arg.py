# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# an argument read from self (set from a tuple[int, int] parameter) overrides the callee's own tuple[int, int] annotation, so `/ image_size[1]` is taken to save coords (kornia SAM PositionEmbeddingRandom.forward_with_coords). Fires 2 warnings.
# Runs and backpropagates cleanly under torch 2.13.
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, input_image_size: tuple[int, int]):
        super().__init__()
        self.input_image_size = input_image_size
        self.proj = nn.Linear(2, 4)

    def _encode(self, coords_input, image_size: tuple[int, int]):
        coords = coords_input.clone()
        coords[:, 0] = coords[:, 0] / image_size[1]
        coords[:, 1] = coords[:, 1] / image_size[0]
        return self.proj(coords)

    def forward(self, points):
        return self._encode(points + 0.5, self.input_image_size)


def main():
    p = torch.randn(3, 2, requires_grad=True)
    Encoder((16, 16))(p).sum().backward()


main()
