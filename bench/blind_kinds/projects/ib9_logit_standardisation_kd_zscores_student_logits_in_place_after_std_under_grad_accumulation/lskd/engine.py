import torch


class Distiller:
    """Student training against a frozen teacher, with gradient accumulation over micro-batches."""

    def __init__(self, teacher, student, criterion, cfg):
        self.teacher, self.student, self.criterion, self.cfg = teacher.eval(), student, criterion, cfg
        for p in self.teacher.parameters():
            p.requires_grad_(False)
        self.optimizer = torch.optim.SGD(student.parameters(), lr=cfg.lr, momentum=0.9, nesterov=True)

    def fit(self, micro_batches):
        self.student.train()
        self.optimizer.zero_grad(set_to_none=True)
        for i, (x, y) in enumerate(micro_batches):
            with torch.no_grad():
                teacher_logits = self.teacher(x)
            loss = self.criterion(self.student(x), teacher_logits, y) / self.cfg.accum_steps  # L
            loss.backward()
            if (i + 1) % self.cfg.accum_steps == 0:
                torch.nn.utils.clip_grad_norm_(self.student.parameters(), 5.0)
                self.optimizer.step()
                self.optimizer.zero_grad(set_to_none=True)
        return loss.item() * self.cfg.accum_steps
