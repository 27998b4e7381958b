"""Ways to turn forget-gate logits into log forget gates log f_t (all <= 0)."""
import torch
import torch.nn.functional as F

LOG_GATES = {}


def log_gate(name):
    def register(fn):
        LOG_GATES[name] = fn
        return fn
    return register


@log_gate("sigmoid_log")
def sigmoid_log_(logits):
    return torch.sigmoid(logits).log_()  # L


@log_gate("logsigmoid")
def floored_logsigmoid_(logits, floor=-8.0):
    return F.logsigmoid(logits).clamp_(min=floor)  # L
