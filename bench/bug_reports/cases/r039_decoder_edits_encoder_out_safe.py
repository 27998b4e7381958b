# Source: https://github.com/facebookresearch/fairseq/issues/251
# Safe twin: the maintainer's advice -- modify a copy (clone) of the encoder
# output; attention keeps reading the original.
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, dim=4):
        super().__init__()
        self.query = nn.Linear(dim, dim)

    def forward(self, encoder_out, steps=3):
        enc = encoder_out[0]
        edited = enc.clone()
        state = enc.mean(dim=1)
        outs = []
        for j in range(steps):
            q = self.query(state).unsqueeze(1)
            attn = torch.softmax(torch.bmm(q, enc.transpose(1, 2)), dim=-1)
            state = torch.bmm(attn, enc).squeeze(1)
            outs.append(state)
            edited[:, :, j] = edited[:, :, j] * 0.5
        return torch.stack(outs, dim=1).sum() + edited.sum()


def run():
    encoder = nn.Linear(3, 4)
    enc = encoder(torch.randn(2, 5, 3))
    dec = Decoder()
    dec((enc, None)).backward()


if __name__ == "__main__":
    run()
