"""Minimum risk training (Shen et al. 2016) of a tiny GRU translation model: beam search is run
with gradients on, and the expected risk of the beam under the renormalised sequence
probabilities is minimised together with the usual token-level NLL."""
import torch

from nmt import MRTConfig, SearchConfig, Seq2Seq, train

CONFIG = MRTConfig(
    vocab=7,
    hidden=8,
    steps=2,
    search=SearchConfig(beam=3, max_len=4),
)


def toy_batch(cfg, batch=2, length=4):
    src = torch.randint(3, cfg.vocab, (batch, length))
    return src, src.flip(-1)  # "translate" = reverse


if __name__ == "__main__":
    torch.manual_seed(0)
    model = Seq2Seq(CONFIG.vocab, CONFIG.hidden)
    train(model, CONFIG, toy_batch)
