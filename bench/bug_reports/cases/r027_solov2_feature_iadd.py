# Source: https://github.com/OpenFirework/pytorch_solov2/issues/22
# Report: the mask feature head sums all FPN levels with
# `feature_add_all_level += self.convs_all_levels[i](input_p)`, where the
# running sum starts as the output of conv+ReLU: "output 0 of ReluBackward0 ...
# is at version 3". Fix: `feature_add_all_level = ... + feature_add_all_level`.
import torch
import torch.nn as nn


class MaskFeatHead(nn.Module):
    def __init__(self, levels=3, ch=4):
        super().__init__()
        self.convs_all_levels = nn.ModuleList(
            [nn.Sequential(nn.Conv2d(ch, ch, 3, padding=1), nn.ReLU(inplace=False)) for _ in range(levels)])

    def forward(self, inputs):
        feature_add_all_level = self.convs_all_levels[0](inputs[0])
        for i in range(1, len(inputs)):
            input_p = inputs[i]
            feature_add_all_level += self.convs_all_levels[i](input_p)  # hazard
        return feature_add_all_level


def run():
    head = MaskFeatHead()
    inputs = [torch.randn(1, 4, 4, 4) for _ in range(3)]
    head(inputs).sum().backward()


if __name__ == "__main__":
    run()
