# Source: https://github.com/paarthneekhara/AdversarialDeepFakes/issues/23
# Report: an adversarial attack passes an image that requires grad through a
# hand-written Normalize transform doing `for t, m, s in zip(tensor, mean, std):
# t.sub_(m).div_(s)`: "Output 0 of UnbindBackward is a view and is being modified inplace".
import torch


class Normalize:
    def __init__(self, mean, std):
        self.mean = mean
        self.std = std

    def __call__(self, tensor):
        for t, m, s in zip(tensor, self.mean, self.std):
            t.sub_(m).div_(s)  # hazard
        return tensor


def run():
    image = torch.rand(3, 4, 4, requires_grad=True)
    resized = image * 1.0
    norm_transform = Normalize([0.5] * 3, [0.5] * 3)
    normalized = norm_transform(resized)
    normalized.sum().backward()


if __name__ == "__main__":
    run()
