import torch

from vocoder import Discriminator, Generator, VocoderConfig, discriminator_loss, generator_loss


def toy_batch(cfg, batch=2, frames=4):
    wav = torch.sin(torch.linspace(0, 30, frames * cfg.hop))[None].repeat(batch, 1) * 0.5
    mel = torch.randn(batch, cfg.n_mels, frames)
    return mel, wav


def main():
    torch.manual_seed(0)
    cfg = VocoderConfig(final_activation="tanh")
    gen, disc = Generator(cfg), Discriminator(cfg.channels)
    opt_g = torch.optim.AdamW(gen.parameters(), lr=2e-4, betas=(0.8, 0.99))
    opt_d = torch.optim.AdamW(disc.parameters(), lr=2e-4, betas=(0.8, 0.99))
    for step in range(2):
        mel, wav = toy_batch(cfg)
        fake = gen(mel)

        opt_d.zero_grad()
        discriminator_loss(disc, wav, fake).backward()
        opt_d.step()

        opt_g.zero_grad()
        loss_g = generator_loss(disc, wav, fake, cfg)  # L
        loss_g.backward()
        opt_g.step()
        print(step, round(loss_g.item(), 4))


if __name__ == "__main__":
    main()
