import torch
import torch.nn as nn
import torch.nn.functional as F

from tts import Decoder

HPARAMS = dict(vocab=10, mem_dim=6, n_mels=4, frames=5, text_len=4, batch=2, steps=2, lr=1e-3)


class Encoder(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim // 2, batch_first=True, bidirectional=True)

    def forward(self, text):
        return self.rnn(self.embed(text))[0]


def main(hp=HPARAMS):
    torch.manual_seed(0)
    encoder = Encoder(hp["vocab"], hp["mem_dim"])
    decoder = Decoder(hp["n_mels"], hp["mem_dim"])
    opt = torch.optim.Adam([*encoder.parameters(), *decoder.parameters()], lr=hp["lr"])
    for step in range(hp["steps"]):
        text = torch.randint(0, hp["vocab"], (hp["batch"], hp["text_len"]))
        mels = torch.randn(hp["batch"], hp["frames"], hp["n_mels"])
        stop = torch.zeros(hp["batch"], hp["frames"])
        stop[:, -1] = 1.0
        mel_out, gate_out = decoder(encoder(text), mels)  # L
        loss = F.mse_loss(mel_out, mels) + F.binary_cross_entropy_with_logits(gate_out, stop)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
