# Source: https://github.com/haofanwang/Score-CAM/issues/28
# Safe twin: the fix posted in the thread -- index the channel and assign the
# out-of-place result back.
import torch


def denormalize(tensor, means=(0.485, 0.456, 0.406), stds=(0.229, 0.224, 0.225)):
    denormalized = tensor.clone()
    count = 0
    for mean, std in zip(means, stds):
        denormalized[0][count] = denormalized[0][count].mul(std)
        denormalized[0][count] = denormalized[0][count].add(mean)
        count += 1
    return denormalized


def run():
    image = torch.randn(1, 3, 4, 4, requires_grad=True)
    out = denormalize(image)
    out.sum().backward()


if __name__ == "__main__":
    run()
