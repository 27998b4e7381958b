"""wav2vec 2.0-style self-supervised pretraining: a convolutional feature encoder, a Gumbel
vector quantizer that produces the targets from the unmasked features, time masking with a
learned mask embedding, a small Transformer context network and the contrastive loss against
sampled distractors plus the codebook diversity loss."""
import torch

from w2v import W2VConfig, pretrain

CONFIG = W2VConfig(
    conv_dim=16,
    encoder_dim=16,  # L
    codebook_size=6,
    steps=2,
)


def unlabelled_audio(batch=2, samples=400):
    t = torch.linspace(0, 1, samples)
    f = torch.randint(3, 30, (batch, 1)).float()
    return torch.sin(2 * torch.pi * f * t) + 0.1 * torch.randn(batch, samples)


if __name__ == "__main__":
    torch.manual_seed(0)
    pretrain(CONFIG, unlabelled_audio)
