# Source: https://github.com/j-sripad/mulitresunet-pytorch/issues/3
# Report: "Several `+=` operation will cause RuntimeError: one of the variables
# needed for gradient computation has been modified by an inplace operation.
# Simply change them to `a = a + b`."  In the ResPath, `x = self.conv2d_bn_3x3(x)`
# returns `F.relu(...)` (the helper's activation is 'relu') and `x += shortcut`
# then overwrites that ReLU output, which relu saved for its backward.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Conv2d_batchnorm(nn.Module):
    def __init__(self, input_features, num_of_filters, kernel_size=(2, 2), stride=(1, 1),
                 activation='relu', padding=0):
        super().__init__()
        self.activation = activation
        self.conv1 = nn.Conv2d(in_channels=input_features, out_channels=num_of_filters,
                               kernel_size=kernel_size, stride=stride, padding=padding)
        self.batchnorm = nn.BatchNorm2d(num_of_filters, affine=False)

    def forward(self, x):
        x = self.conv1(x)
        x = self.batchnorm(x)
        if self.activation == 'relu':
            return F.relu(x)
        else:
            return x


class Respath(nn.Module):
    def __init__(self, input_features, filters, respath_length):
        super().__init__()
        self.filters = filters
        self.respath_length = respath_length
        self.conv2d_bn_1x1 = Conv2d_batchnorm(input_features=input_features, num_of_filters=self.filters,
                                              kernel_size=(1, 1), activation='None', padding=0)
        self.conv2d_bn_3x3 = Conv2d_batchnorm(input_features=input_features, num_of_filters=self.filters,
                                              kernel_size=(3, 3), activation='relu', padding=1)
        self.conv2d_bn_1x1_common = Conv2d_batchnorm(input_features=self.filters, num_of_filters=self.filters,
                                                     kernel_size=(1, 1), activation='None', padding=0)
        self.conv2d_bn_3x3_common = Conv2d_batchnorm(input_features=self.filters, num_of_filters=self.filters,
                                                     kernel_size=(3, 3), activation='relu', padding=1)
        self.batch_norm1 = nn.BatchNorm2d(filters, affine=False)

    def forward(self, x):
        shortcut = self.conv2d_bn_1x1(x)
        x = self.conv2d_bn_3x3(x)
        x += shortcut  # hazard
        x = F.relu(x)
        x = self.batch_norm1(x)
        if self.respath_length > 1:
            for i in range(self.respath_length):
                shortcut = self.conv2d_bn_1x1_common(x)
                x = self.conv2d_bn_3x3_common(x)
                x += shortcut  # hazard
                x = F.relu(x)
                x = self.batch_norm1(x)
            return x
        else:
            return x


def run():
    torch.manual_seed(0)
    respath = Respath(input_features=3, filters=4, respath_length=2)
    out = respath(torch.randn(2, 3, 6, 6))
    out.pow(2).mean().backward()


if __name__ == "__main__":
    run()
