# Source: https://github.com/facebookresearch/fairseq/issues/760
# Safe twin: the reporter's change, `self.lsm(tail_out) + tail_priors`.
import torch
import torch.nn as nn


class AdaptiveSoftmax(nn.Module):
    def __init__(self, dim=4, head_size=3, tail_size=5):
        super().__init__()
        self.head = nn.Linear(dim, head_size)
        self.tail = nn.Linear(dim, tail_size)
        self.lsm = nn.LogSoftmax(dim=1)

    def get_log_prob(self, x):
        head_out = self.lsm(self.head(x))
        tail_priors = head_out[:, -1:]
        tail_out = self.lsm(self.tail(x)) + tail_priors
        return torch.cat([head_out[:, :-1], tail_out], dim=1)


def run():
    m = AdaptiveSoftmax()
    m.get_log_prob(torch.randn(2, 4)).sum().backward()


if __name__ == "__main__":
    run()
