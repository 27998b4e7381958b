import torch

from dino import DINOLoss, build_student_teacher, train_step

CONFIG = {
    "arch": {"in_dim": 10, "embed_dim": 16},
    "head": {"name": "dino", "out_dim": 12, "hidden_dim": 24, "bottleneck_dim": 8},
    "teacher_momentum": 0.996,
    "steps": 3,
}


def two_crops(x):
    return [x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)]


def main():
    torch.manual_seed(0)
    student, teacher = build_student_teacher(CONFIG)
    criterion = DINOLoss(CONFIG["head"]["out_dim"])
    opt = torch.optim.AdamW(student.parameters(), lr=1e-3, weight_decay=0.04)
    for step in range(CONFIG["steps"]):
        crops = two_crops(torch.randn(6, CONFIG["arch"]["in_dim"]))
        loss = train_step(student, teacher, criterion, opt, crops, CONFIG["teacher_momentum"])  # L
        print(step, loss)


if __name__ == "__main__":
    main()
