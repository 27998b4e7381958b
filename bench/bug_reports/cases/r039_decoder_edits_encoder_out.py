# Source: https://github.com/facebookresearch/fairseq/issues/251
# Report: during decoding the user rewrites a slice of the encoder output in
# place, `encoder_out[0][:, :, j] = do_something(encoder_out[0][:, :, j])`, after
# the attention of earlier steps read it (bmm saved it): "modified by an
# inplace operation". The maintainer: copy the variable and modify the copy.
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, dim=4):
        super().__init__()
        self.query = nn.Linear(dim, dim)

    def forward(self, encoder_out, steps=3):
        enc = encoder_out[0]
        state = enc.mean(dim=1)
        outs = []
        for j in range(steps):
            q = self.query(state).unsqueeze(1)
            attn = torch.softmax(torch.bmm(q, enc.transpose(1, 2)), dim=-1)
            state = torch.bmm(attn, enc).squeeze(1)
            outs.append(state)
            encoder_out[0][:, :, j] = encoder_out[0][:, :, j] * 0.5  # hazard
        return torch.stack(outs, dim=1)


def run():
    encoder = nn.Linear(3, 4)
    enc = encoder(torch.randn(2, 5, 3))
    dec = Decoder()
    dec((enc, None)).sum().backward()


if __name__ == "__main__":
    run()
