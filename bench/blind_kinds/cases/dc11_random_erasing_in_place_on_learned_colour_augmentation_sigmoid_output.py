"""A learned photometric augmentation (in the spirit of Faster AutoAugment / DADA): per-image
brightness and contrast offsets predicted by a small policy network are applied to the batch, and
the policy is trained adversarially with the classifier.  Random erasing (Zhong et al. 2020) is then
applied to the augmented batch inside the training step, in place, as torchvision's
``RandomErasing`` does on a tensor.  The augmentation maps back to [0, 1] with a sigmoid."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ColourPolicy(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 2))

    def forward(self, x):
        brightness, contrast = self.net(x).tanh().unbind(1)
        logit = torch.logit(x.clamp(1e-3, 1 - 1e-3))
        z = logit * (1 + contrast)[:, None, None, None] + brightness[:, None, None, None]
        return torch.sigmoid(z)


def random_erase_(batch, p=1.0, scale=(0.1, 0.3), value=0.0):
    n, _, h, w = batch.shape
    for i in range(n):
        if torch.rand(()) > p:
            continue
        area = int(h * w * torch.empty(()).uniform_(*scale))
        eh = ew = max(1, int(area ** 0.5))
        y0, x0 = torch.randint(0, h - eh + 1, ()).item(), torch.randint(0, w - ew + 1, ()).item()
        batch[i, :, y0:y0 + eh, x0:x0 + ew] = value  # L
    return batch


def run():
    torch.manual_seed(0)
    policy = ColourPolicy()
    clf = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                        nn.Linear(4, 3))
    opt_c = torch.optim.SGD(clf.parameters(), lr=0.1)
    opt_p = torch.optim.SGD(policy.parameters(), lr=0.1)
    x, y = torch.rand(4, 3, 8, 8), torch.randint(0, 3, (4,))
    aug = random_erase_(policy(x))  # L
    loss = F.cross_entropy(clf(aug), y)
    opt_c.zero_grad()
    opt_p.zero_grad()
    loss.backward()
    for p in policy.parameters():
        p.grad.neg_()
    opt_c.step()
    opt_p.step()
