"""Train a tiny DDSP harmonic-plus-amplitude decoder to match a target tone (a second of
training on CPU). The harmonic distribution's normaliser is chosen in the config."""
import torch

from ddsp import Decoder, HarmonicSynth, multiscale_spectral_loss

CONFIG = {"sample_rate": 8000, "n_harmonics": 12, "frames": 8, "hop": 32, "harm_norm": "softmax", "lr": 1e-3, "steps": 3}


def target_audio(f0, cfg):
    t = torch.arange(cfg["frames"] * cfg["hop"]) / cfg["sample_rate"]
    return 0.5 * torch.sin(2 * torch.pi * f0 * t) + 0.2 * torch.sin(4 * torch.pi * f0 * t)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    decoder = Decoder(n_harmonics=cfg["n_harmonics"], harm_norm=cfg["harm_norm"])
    synth = HarmonicSynth(cfg["sample_rate"], cfg["hop"])
    opt = torch.optim.Adam(decoder.parameters(), lr=cfg["lr"])
    f0 = torch.full((cfg["frames"],), 440.0)
    loudness = torch.rand(cfg["frames"], 1)
    target = target_audio(440.0, cfg)
    for step in range(cfg["steps"]):
        opt.zero_grad()
        amp, dist = decoder(f0, loudness)
        audio = synth(amp, dist, f0)  # L
        loss = multiscale_spectral_loss(audio, target)
        loss.backward()
        opt.step()
        print(step, float(loss))


if __name__ == "__main__":
    main()
