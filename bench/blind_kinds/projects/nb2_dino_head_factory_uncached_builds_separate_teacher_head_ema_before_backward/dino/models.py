import copy

import torch.nn as nn

from .heads import build_head


class MultiCropWrapper(nn.Module):
    def __init__(self, backbone, head):
        super().__init__()
        self.backbone = backbone
        self.head = head

    def forward(self, crops):
        return self.head(self.backbone(crops))


def build_backbone(in_dim, embed_dim):
    return nn.Sequential(nn.Linear(in_dim, embed_dim), nn.GELU(), nn.LayerNorm(embed_dim))


def build_student_teacher(cfg):
    arch, head_cfg = cfg["arch"], cfg["head"]
    backbone = build_backbone(arch["in_dim"], arch["embed_dim"])
    head_args = (head_cfg["name"], arch["embed_dim"], head_cfg["out_dim"], head_cfg["hidden_dim"], head_cfg["bottleneck_dim"])
    student = MultiCropWrapper(backbone, build_head(*head_args))
    teacher = MultiCropWrapper(copy.deepcopy(backbone), build_head(*head_args))
    teacher.load_state_dict(student.state_dict())
    for p in teacher.parameters():
        p.requires_grad = False
    return student, teacher
