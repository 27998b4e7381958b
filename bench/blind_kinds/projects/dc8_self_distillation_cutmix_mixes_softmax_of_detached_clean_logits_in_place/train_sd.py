"""Self-distillation with CutMix: the prediction on the clean batch, mixed like the images, is the
soft target for the CutMix batch."""
import torch
import torch.nn as nn

from sdtrain import SoftTargets, train_step

CFG = {"alpha": 1.0, "penalty": 0.1, "distill": 0.5, "temperature": 2.0, "detach_at": "logits", "steps": 2}  # L


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                          nn.Linear(8, 4))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    soft = SoftTargets(CFG["temperature"], CFG["detach_at"])
    for step in range(CFG["steps"]):
        images, labels = torch.randn(6, 3, 12, 12), torch.randint(0, 4, (6,))
        print(step, train_step(model, opt, soft, images, labels, CFG))  # L


if __name__ == "__main__":
    main()
