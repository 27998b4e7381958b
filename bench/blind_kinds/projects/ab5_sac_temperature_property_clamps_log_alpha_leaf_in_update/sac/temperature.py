import torch
import torch.nn as nn


class Temperature(nn.Module):
    """Learned entropy coefficient alpha = exp(log_alpha), kept inside [e^-10, e^1]."""

    LOG_MIN, LOG_MAX = -10.0, 1.0

    def __init__(self, init=0.2):
        super().__init__()
        self.log_alpha = nn.Parameter(torch.tensor(init).log())

    @property
    def alpha(self):
        self.log_alpha.clamp_(self.LOG_MIN, self.LOG_MAX)  # L
        return self.log_alpha.exp()
