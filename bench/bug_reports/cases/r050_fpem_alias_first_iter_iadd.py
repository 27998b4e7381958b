# Source: https://github.com/open-mmlab/mmocr/pull/884
# Report: training PSENet/PANet raises "one of the variables needed for gradient
# computation has been modified by an inplace operation" (mmocr #878, #648).  In
# FPEM_FFM.forward the first FPEM's outputs are kept as the fused features
# (`c2_ffm = c2`, the same tensors, in the loop's first iteration) and later
# iterations add into them in place, `c2_ffm += c2` (fpem_ffm.py L151); those
# tensors are ReLU outputs, saved by relu and read by the next FPEM.  The fix
# writes `c2_ffm = c2_ffm + c2`.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SeparableConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.depthwise_conv = nn.Conv2d(in_channels, in_channels, kernel_size=3, padding=1,
                                        stride=stride, groups=in_channels)
        self.pointwise_conv = nn.Conv2d(in_channels, out_channels, kernel_size=1)
        self.bn = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = self.depthwise_conv(x)
        x = self.pointwise_conv(x)
        x = self.bn(x)
        x = self.relu(x)
        return x


class FPEM(nn.Module):
    def __init__(self, in_channels=4):
        super().__init__()
        self.up_add1 = SeparableConv2d(in_channels, in_channels, 1)
        self.up_add2 = SeparableConv2d(in_channels, in_channels, 1)
        self.down_add1 = SeparableConv2d(in_channels, in_channels, 2)
        self.down_add2 = SeparableConv2d(in_channels, in_channels, 2)

    def forward(self, c2, c3, c4):
        c3 = self.up_add1(self._upsample_add(c4, c3))
        c2 = self.up_add2(self._upsample_add(c3, c2))
        c3 = self.down_add1(self._upsample_add(c3, c2))
        c4 = self.down_add2(self._upsample_add(c4, c3))
        return c2, c3, c4

    def _upsample_add(self, x, y):
        return F.interpolate(x, size=y.size()[2:]) + y


class FPEM_FFM(nn.Module):
    def __init__(self, in_channels=(2, 3, 5), conv_out=4, fpem_repeat=2):
        super().__init__()
        self.reduce_conv_c2 = nn.Sequential(nn.Conv2d(in_channels[0], conv_out, 1),
                                            nn.BatchNorm2d(conv_out), nn.ReLU())
        self.reduce_conv_c3 = nn.Sequential(nn.Conv2d(in_channels[1], conv_out, 1),
                                            nn.BatchNorm2d(conv_out), nn.ReLU())
        self.reduce_conv_c4 = nn.Sequential(nn.Conv2d(in_channels[2], conv_out, 1),
                                            nn.BatchNorm2d(conv_out), nn.ReLU())
        self.fpems = nn.ModuleList()
        for _ in range(fpem_repeat):
            self.fpems.append(FPEM(conv_out))

    def forward(self, x):
        c2, c3, c4 = x
        c2 = self.reduce_conv_c2(c2)
        c3 = self.reduce_conv_c3(c3)
        c4 = self.reduce_conv_c4(c4)
        for i, fpem in enumerate(self.fpems):
            c2, c3, c4 = fpem(c2, c3, c4)
            if i == 0:
                c2_ffm = c2
                c3_ffm = c3
                c4_ffm = c4
            else:
                c2_ffm += c2  # hazard
                c3_ffm += c3  # hazard
                c4_ffm += c4  # hazard
        c4 = F.interpolate(c4_ffm, c2_ffm.size()[-2:], mode='bilinear', align_corners=False)
        c3 = F.interpolate(c3_ffm, c2_ffm.size()[-2:], mode='bilinear', align_corners=False)
        return torch.cat([c2_ffm, c3, c4], dim=1)


def run():
    torch.manual_seed(0)
    neck = FPEM_FFM()
    feats = [torch.randn(2, 2, 8, 8), torch.randn(2, 3, 4, 4), torch.randn(2, 5, 2, 2)]
    neck(feats).pow(2).mean().backward()


if __name__ == "__main__":
    run()
