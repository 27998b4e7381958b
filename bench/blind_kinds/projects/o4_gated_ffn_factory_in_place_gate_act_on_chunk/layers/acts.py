"""Gate activations by name; the in-place ones save memory on large hidden sizes."""
import torch


def sigmoid(t):
    return torch.sigmoid(t)


def sigmoid_(t):
    return t.sigmoid_()  # L


def silu(t):
    return t * torch.sigmoid(t)
