import torch

from gan import Critic, Generator, WGANGPTrainer

CONFIG = {
    "z_dim": 4,
    "data_dim": 2,
    "hidden": 32,
    "batch": 16,
    "n_critic": 2,
    "gp_weight": 10.0,
    "iterations": 2,
}


def ring_batch(n):
    """Eight Gaussians on a ring, the usual 2-D toy target."""
    angle = torch.randint(0, 8, (n,)).float() * (2 * torch.pi / 8)
    centres = torch.stack([angle.cos(), angle.sin()], -1) * 2.0
    return centres + 0.05 * torch.randn(n, 2)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    gen = Generator(cfg["z_dim"], cfg["data_dim"], cfg["hidden"])
    critic = Critic(cfg["data_dim"], cfg["hidden"])
    trainer = WGANGPTrainer(gen, critic, cfg["z_dim"], cfg["gp_weight"])
    for it in range(cfg["iterations"]):
        for _ in range(cfg["n_critic"]):
            d_loss = trainer.critic_step(ring_batch(cfg["batch"]))  # L
        g_loss = trainer.generator_step(cfg["batch"])
        print(it, d_loss, g_loss)


if __name__ == "__main__":
    main()
