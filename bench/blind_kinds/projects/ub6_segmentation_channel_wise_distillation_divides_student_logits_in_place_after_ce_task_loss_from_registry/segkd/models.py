import torch.nn as nn


def _segnet(width, classes):
    return nn.Sequential(
        nn.Conv2d(3, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(inplace=True),
        nn.Conv2d(width, classes, 1),
    )


def build_student(classes):
    return _segnet(4, classes)


def build_teacher(classes):
    teacher = _segnet(12, classes).eval()
    return teacher.requires_grad_(False)
