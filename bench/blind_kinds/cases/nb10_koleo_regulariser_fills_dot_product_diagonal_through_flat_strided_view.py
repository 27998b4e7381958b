"""A KoLeo regulariser (as in DINOv2) beside a self-distillation loss: it spreads the student's
unit embeddings by maximising the log distance to each one's nearest neighbour.  This version
follows DINOv2: the nearest neighbour is the largest dot product, the self-similarity hidden by
filling the diagonal through a flat strided view (``dots.view(-1)[:: n + 1].fill_(-1)``), and the
distance of unit vectors is taken from the similarity."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def nearest_neighbour_distance(x):
    n = x.size(0)
    dots = x @ x.t()
    dots.view(-1)[:: n + 1].fill_(-1.0)  # L
    return torch.sqrt((2 - 2 * dots.max(dim=1).values).clamp_min(0.0))


def koleo(x, eps=1e-8):
    x = F.normalize(x, dim=-1, eps=eps)
    return -torch.log(nearest_neighbour_distance(x) + eps).mean()


class Student(nn.Module):
    def __init__(self, d_in=10, dim=8, n_protos=5):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 16), nn.GELU(), nn.Linear(16, dim))
        self.head = nn.Linear(dim, n_protos)

    def forward(self, x):
        cls = self.backbone(x)
        return cls, self.head(cls)


def run():
    torch.manual_seed(0)
    student = Student()
    teacher = Student().requires_grad_(False)
    teacher.load_state_dict(student.state_dict())
    opt = torch.optim.AdamW(student.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(6, 10)
        cls, logits = student(x + 0.1 * torch.randn_like(x))
        with torch.no_grad():
            targets = F.softmax(teacher(x)[1] / 0.04, dim=-1)
        dino = -(targets * F.log_softmax(logits / 0.1, dim=-1)).sum(-1).mean()
        loss = dino + 0.1 * koleo(cls)
        opt.zero_grad()
        loss.backward()
        opt.step()
