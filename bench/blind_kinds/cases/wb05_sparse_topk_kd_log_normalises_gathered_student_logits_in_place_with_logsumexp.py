"""Sparse logit distillation for an LM (the teacher's top-k logits are stored offline): the student
logits are gathered at the teacher's top-k token ids and renormalised over those k entries. The
renormalisation subtracts the logsumexp in place on the gathered slab."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, D, K = 20, 8, 4


class Student(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.mix = nn.Linear(D, D)
        self.lm_head = nn.Linear(D, VOCAB, bias=False)

    def forward(self, ids):
        return self.lm_head(torch.relu(self.mix(self.embed(ids))))


def topk_log_probs(student_logits, teacher_ids):
    s = student_logits.gather(-1, teacher_ids)
    s.sub_(torch.logsumexp(s, -1, keepdim=True))  # L
    return s


def sparse_kd_loss(student_logits, teacher_vals, teacher_ids, temperature=2.0):
    t = F.softmax(teacher_vals / temperature, -1)
    s = topk_log_probs(student_logits / temperature, teacher_ids)  # L
    return -(t * s).sum(-1).mean() * temperature ** 2


def run():
    torch.manual_seed(0)
    model = Student()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    ids = torch.randint(0, VOCAB, (2, 6))
    teacher_vals, teacher_ids = torch.randn(2, 6, VOCAB).topk(K, -1)
    loss = sparse_kd_loss(model(ids), teacher_vals, teacher_ids)
    opt.zero_grad()
    loss.backward()
    opt.step()
