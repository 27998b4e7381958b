import torch
import torch.nn.functional as F

from .taps import FeatureTap


class HintTrainer:
    def __init__(self, student, teacher, hint_loss, cfg):
        self.student, self.teacher, self.hint_loss = student, teacher, hint_loss
        self.s_tap = FeatureTap(student, [cfg["hint_layer"]])
        self.t_tap = FeatureTap(teacher, [cfg["guide_layer"]])
        self.cfg = cfg
        params = list(student.parameters()) + list(hint_loss.parameters())
        self.opt = torch.optim.Adam(params, lr=cfg["lr"])

    def step(self, x, y):
        with torch.no_grad():
            self.teacher(x)
        logits = self.student(x)
        hint = self.hint_loss(self.s_tap.pop(self.cfg["hint_layer"]), self.t_tap.pop(self.cfg["guide_layer"]))  # L
        loss = F.cross_entropy(logits, y) + self.cfg["hint_weight"] * hint
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
