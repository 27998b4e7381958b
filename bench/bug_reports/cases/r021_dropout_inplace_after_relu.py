# Source: https://github.com/BierOne/bottom-up-attention-vqa/issues/6
# Report: the classifier is Linear -> ReLU -> Dropout(inplace=True) -> Linear;
# the in-place dropout overwrites the ReLU output that ReLU saved:
# "output 0 of ReluBackward0, is at version 1". Fix: Dropout(inplace=False).
import torch
import torch.nn as nn


class SimpleClassifier(nn.Module):
    def __init__(self, in_dim=6, hid_dim=8, out_dim=3, dropout=0.5):
        super().__init__()
        layers = [
            nn.Linear(in_dim, hid_dim),
            nn.ReLU(),
            nn.Dropout(dropout, inplace=True),  # hazard
            nn.Linear(hid_dim, out_dim),
        ]
        self.main = nn.Sequential(*layers)

    def forward(self, x):
        return self.main(x)  # hazard


def run():
    clf = SimpleClassifier()
    clf(torch.randn(4, 6)).sum().backward()


if __name__ == "__main__":
    run()
