import torch.nn as nn


class Backbone(nn.Module):
    """Shared pieces of the classifier zoo. Activations are in place: these nets are trained
    with large batches and the activation memory matters."""

    act_inplace = True

    def make_act(self):
        return nn.ReLU(inplace=self.act_inplace)  # L

    def conv_bn_act(self, c_in, c_out, stride=1):
        return nn.Sequential(nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out),
                             self.make_act())
