import torch.nn as nn
import torch.nn.functional as F


def centre_(feat):
    # batch-centre without a copy; the tapped activation is not needed afterwards
    return feat.sub_(feat.mean(dim=0, keepdim=True))  # L


class HintLoss(nn.Module):
    """FitNets hint: regress the (centred) student hint onto the (centred) teacher guide."""

    def __init__(self, d_student, d_teacher):
        super().__init__()
        self.regressor = nn.Linear(d_student, d_teacher)

    def forward(self, student_feat, teacher_feat):
        return F.mse_loss(self.regressor(centre_(student_feat)), centre_(teacher_feat))  # L
