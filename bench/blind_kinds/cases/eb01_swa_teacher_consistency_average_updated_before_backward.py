"""Self-distillation from a stochastic weight average: the SWA copy of the model
(torch.optim.swa_utils.AveragedModel) is the teacher of a consistency term. Its forward runs with
grad on (AveragedModel deep-copies the module, so its parameters still require grad), and the
average is refreshed once the losses are built, before backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel

SWA_START = 1
TEMPERATURE = 2.0


def make_model():
    return nn.Sequential(nn.Linear(6, 12), nn.Tanh(), nn.Linear(12, 4))


def consistency(student_logits, teacher_logits, t=TEMPERATURE):
    return F.kl_div(F.log_softmax(student_logits / t, -1), F.softmax(teacher_logits / t, -1),
                    reduction="batchmean") * t * t


def run():
    torch.manual_seed(0)
    model = make_model()
    swa_model = AveragedModel(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for step in range(3):
        x, y = torch.randn(8, 6), torch.randint(0, 4, (8,))
        logits = model(x)
        loss = F.cross_entropy(logits, y) + 0.5 * consistency(logits, swa_model(x))
        opt.zero_grad()
        if step >= SWA_START:
            swa_model.update_parameters(model)  # L
        loss.backward()
        opt.step()
