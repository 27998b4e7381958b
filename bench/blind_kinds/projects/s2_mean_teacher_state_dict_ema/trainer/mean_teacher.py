import torch.nn.functional as F

from .base import Trainer
from .ema import ModelEMA


class MeanTeacherTrainer(Trainer):
    def __init__(self, model, cons_weight=1.0, ema_decay=0.99, **kwargs):
        super().__init__(model, **kwargs)
        self.ema = ModelEMA(model, decay=ema_decay)
        self.cons_weight = cons_weight

    def compute_loss(self, batch):
        x_lab, y, x_unlab = batch
        sup = F.cross_entropy(self.model(x_lab), y)
        student = F.log_softmax(self.model(x_unlab), dim=-1)
        teacher = F.softmax(self.ema.module(x_unlab), dim=-1)
        cons = F.kl_div(student, teacher, reduction="batchmean")
        return sup + self.cons_weight * cons

    def before_backward(self, loss):
        # keep the teacher one step behind the student
        self.ema.update(self.model)  # L
