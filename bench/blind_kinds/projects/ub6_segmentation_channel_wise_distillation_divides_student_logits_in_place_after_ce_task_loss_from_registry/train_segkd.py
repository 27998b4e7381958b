import torch
import torch.nn.functional as F

from segkd import build_student, build_teacher, train_step

CFG = {"classes": 3, "task_loss": "ce", "tau": 4.0, "kd_weight": 3.0, "lr": 0.01, "steps": 2}


def main(cfg=CFG):
    torch.manual_seed(0)
    student, teacher = build_student(cfg["classes"]), build_teacher(cfg["classes"])
    opt = torch.optim.SGD(student.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        img = torch.randn(2, 3, 6, 6)
        onehot = F.one_hot(torch.randint(0, cfg["classes"], (2, 6, 6)), cfg["classes"])
        onehot = onehot.permute(0, 3, 1, 2).float()
        print(step, train_step(student, teacher, (img, onehot), opt, cfg))  # L


if __name__ == "__main__":
    main()
