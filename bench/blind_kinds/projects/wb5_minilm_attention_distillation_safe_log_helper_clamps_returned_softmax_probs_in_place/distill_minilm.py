"""MiniLM-style task-agnostic distillation: the student mimics the teacher's last-layer
self-attention distributions and value relations (same number of heads)."""
import torch

from minilm import Encoder, attention_transfer_loss, value_relation_loss

CFG = {"vocab": 40, "teacher": dict(d=16, heads=2, depth=3), "student": dict(d=8, heads=2, depth=2),
       "steps": 3, "lr": 1e-3}


def main(cfg=CFG):
    torch.manual_seed(0)
    teacher = Encoder(cfg["vocab"], **cfg["teacher"]).eval()
    student = Encoder(cfg["vocab"], **cfg["student"])
    opt = torch.optim.AdamW(student.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        ids = torch.randint(1, cfg["vocab"], (3, 7))
        pad = torch.zeros(3, 7, dtype=torch.bool)
        pad[0, 5:] = True
        with torch.no_grad():
            _, t_probs, t_values = teacher(ids, pad)
        _, s_probs, s_values = student(ids, pad)
        loss = value_relation_loss(t_values, s_values, pad) + attention_transfer_loss(t_probs, s_probs, pad)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
