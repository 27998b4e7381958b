import copy

import torch
import torch.nn.functional as F

import nets.cnn as cnn
from kd import FeatureTaps, build_loss

CONFIG = {
    "taps": ["stages.0.act", "stages.1.act"],
    "loss": {"name": "at", "beta": 100.0},
    "lr": 0.05,
    "T": 4.0,
}


def kd_step(student, teacher, s_taps, t_taps, distill, x, y, T):
    with torch.no_grad():
        t_logits = teacher(x)
    s_logits = student(x)
    soft = F.kl_div(F.log_softmax(s_logits / T, -1), F.softmax(t_logits / T, -1), reduction="batchmean")
    feat = distill(list(s_taps), list(t_taps))  # L
    return F.cross_entropy(s_logits, y) + T * T * soft + feat


def main(cfg=CONFIG):
    torch.manual_seed(0)
    teacher = cnn.SmallCNN(widths=(8, 16)).eval()
    student = copy.deepcopy(teacher).train()
    for p in teacher.parameters():
        p.requires_grad_(False)
    s_taps, t_taps = FeatureTaps(student, cfg["taps"]), FeatureTaps(teacher, cfg["taps"])
    distill = build_loss(cfg["loss"]["name"], beta=cfg["loss"]["beta"])
    opt = torch.optim.SGD(student.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=5e-4)
    for _ in range(2):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, 10, (4,))
        loss = kd_step(student, teacher, s_taps, t_taps, distill, x, y, cfg["T"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(f"loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
