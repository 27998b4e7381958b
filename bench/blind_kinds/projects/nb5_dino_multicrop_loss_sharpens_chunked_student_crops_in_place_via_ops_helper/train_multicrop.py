import torch

from selfsup import MultiCropDINOLoss, build_pair, ema_update

CONFIG = {
    "n_global": 2,
    "n_local": 2,
    "out_dim": 12,
    "split": "chunk",
    "student_temp": 0.1,
    "momentum": 0.99,
    "steps": 2,
}


def multi_crop(x, n_global, n_local):
    crops = [x + 0.05 * torch.randn_like(x) for _ in range(n_global)]
    crops += [0.5 * x + 0.2 * torch.randn_like(x) for _ in range(n_local)]
    return crops


def main():
    torch.manual_seed(0)
    student, teacher = build_pair(10, CONFIG["out_dim"])
    criterion = MultiCropDINOLoss(CONFIG["n_global"], CONFIG["n_local"], CONFIG["student_temp"], split=CONFIG["split"])
    opt = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)
    for step in range(CONFIG["steps"]):
        crops = multi_crop(torch.randn(4, 10), CONFIG["n_global"], CONFIG["n_local"])
        student_out = student(torch.cat(crops))
        with torch.no_grad():
            teacher_out = teacher(torch.cat(crops[: CONFIG["n_global"]]))
        loss = criterion(student_out, teacher_out)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        ema_update(student, teacher, CONFIG["momentum"])
        print(step, loss.item())


if __name__ == "__main__":
    main()
