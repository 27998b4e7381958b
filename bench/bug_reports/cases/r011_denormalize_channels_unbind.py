# Source: https://github.com/haofanwang/Score-CAM/issues/28
# Report: a `denormalize` helper iterates over the channels of an image that
# requires grad and does `channel.mul_(std).add_(mean)`; iterating a tensor
# unbinds it: "Output 0 of UnbindBackward is a view and is being modified inplace".
import torch


def denormalize(tensor, means=(0.485, 0.456, 0.406), stds=(0.229, 0.224, 0.225)):
    denormalized = tensor.clone()
    for channel, mean, std in zip(denormalized[0], means, stds):
        channel.mul_(std).add_(mean)  # hazard
    return denormalized


def run():
    image = torch.randn(1, 3, 4, 4, requires_grad=True)
    out = denormalize(image)
    out.sum().backward()


if __name__ == "__main__":
    run()
