"""Attention-transfer distillation of a tiny ResNet from a (random, frozen) teacher."""
import torch
import torch.nn.functional as F

from atkd import FeatureTaps, TinyResNet, at_loss

CONFIG = {
    "taps": ["layer1.1.bn2", "layer2.1.bn2"],  # L
    "beta": 100.0,
    "lr": 0.05,
    "steps": 2,
}


def main(cfg):
    torch.manual_seed(0)
    teacher, student = TinyResNet(widths=(12, 16)).eval(), TinyResNet()
    teacher_taps, student_taps = FeatureTaps(teacher, cfg["taps"]), FeatureTaps(student, cfg["taps"])
    opt = torch.optim.SGD(student.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=5e-4)
    for step in range(cfg["steps"]):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, 10, (4,))
        with torch.no_grad():
            teacher(x)
        logits = student(x)
        loss = F.cross_entropy(logits, y)
        loss = loss + cfg["beta"] / 2 * at_loss(student_taps.maps(), teacher_taps.maps())  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main(CONFIG)
