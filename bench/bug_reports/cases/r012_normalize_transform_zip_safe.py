# Source: https://github.com/paarthneekhara/AdversarialDeepFakes/issues/23
# Safe twin: normalise out of place with broadcast mean/std.
import torch


class Normalize:
    def __init__(self, mean, std):
        self.mean = torch.tensor(mean).view(-1, 1, 1)
        self.std = torch.tensor(std).view(-1, 1, 1)

    def __call__(self, tensor):
        return (tensor - self.mean) / self.std


def run():
    image = torch.rand(3, 4, 4, requires_grad=True)
    resized = image * 1.0
    norm_transform = Normalize([0.5] * 3, [0.5] * 3)
    normalized = norm_transform(resized)
    normalized.sum().backward()


if __name__ == "__main__":
    run()
