import torch
import torch.nn.functional as F

from .models import AttnDecoderRNN, EncoderRNN

SOS = 0


class Translator:
    """Holds the two networks; the encoder outputs go into a (max_length, hidden) table, as in the
    tutorial. With reuse_buffer the table is allocated once and refilled for every sentence."""

    def __init__(self, vocab_in, vocab_out, hidden=8, max_length=6, reuse_buffer=False):
        self.encoder = EncoderRNN(vocab_in, hidden)
        self.decoder = AttnDecoderRNN(hidden, vocab_out, max_length)
        self.max_length = max_length
        self.reuse_buffer = reuse_buffer
        self._table = torch.zeros(max_length, hidden) if reuse_buffer else None

    def parameters(self):
        return list(self.encoder.parameters()) + list(self.decoder.parameters())

    @property
    def encoder_outputs(self):
        if self.reuse_buffer:
            return self._table
        return torch.zeros(self.max_length, self.encoder.hidden_size)

    def encode(self, src):
        hidden = self.encoder.init_hidden()
        encoder_outputs = self.encoder_outputs
        for ei in range(src.size(0)):
            out, hidden = self.encoder(src[ei], hidden)
            encoder_outputs[ei] = out[0, 0]  # L
        return encoder_outputs, hidden

    def loss(self, src, tgt):
        encoder_outputs, hidden = self.encode(src)  # L
        token = torch.tensor([SOS])
        loss = 0
        for di in range(tgt.size(0)):
            log_probs, hidden = self.decoder(token, hidden, encoder_outputs)
            loss += F.nll_loss(log_probs, tgt[di].view(1))
            token = tgt[di].view(1)  # teacher forcing
        return loss / tgt.size(0)
