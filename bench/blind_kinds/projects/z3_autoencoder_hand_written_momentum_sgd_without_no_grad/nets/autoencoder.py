import torch.nn as nn


class AutoEncoder(nn.Module):
    def __init__(self, d_in=10, hidden=8, code=3):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(inplace=True), nn.Linear(hidden, code))
        self.decoder = nn.Sequential(nn.Linear(code, hidden), nn.ReLU(inplace=True), nn.Linear(hidden, d_in))

    def forward(self, x):
        return self.decoder(self.encoder(x))

    def param_groups(self, weight_decay):
        # no decay on biases
        decay, no_decay = [], []
        for name, p in self.named_parameters():
            (no_decay if name.endswith("bias") else decay).append(p)
        return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
