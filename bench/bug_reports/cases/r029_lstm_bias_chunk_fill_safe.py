# Source: https://github.com/galsang/BiDAF-pytorch/issues/30
# Safe twin: the initialisation under torch.no_grad().
import torch
import torch.nn as nn


class LSTM(nn.Module):
    def __init__(self, input_size=4, hidden_size=3, num_layers=1):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.num_layers = num_layers
        self.reset_params()

    def reset_params(self):
        for i in range(self.num_layers):
            nn.init.orthogonal_(getattr(self.rnn, f'weight_hh_l{i}'))
            nn.init.constant_(getattr(self.rnn, f'bias_hh_l{i}'), val=0)
            with torch.no_grad():
                getattr(self.rnn, f'bias_hh_l{i}').chunk(4)[1].fill_(1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return out


def run():
    m = LSTM()
    m(torch.randn(2, 5, 4)).sum().backward()


if __name__ == "__main__":
    run()
