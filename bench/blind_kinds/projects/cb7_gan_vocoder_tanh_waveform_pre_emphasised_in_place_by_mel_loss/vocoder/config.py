from dataclasses import dataclass


@dataclass
class VocoderConfig:
    n_mels: int = 6
    n_fft: int = 32
    hop: int = 8
    channels: int = 8
    final_activation: str = "clamp"  # "tanh" (HiFi-GAN) or "clamp" (BigVGAN without the final tanh)
    pre_emphasis: float = 0.97
    lambda_mel: float = 45.0
