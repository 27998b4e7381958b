import torch

from dreamer import ActorCritic, Imagination, WorldModel

CONFIG = {"latent": 6, "act_dim": 2, "horizon": 4, "storage": "tensor", "batch": 5, "updates": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    world_model = WorldModel(cfg["latent"], cfg["act_dim"]).requires_grad_(False)
    agent = ActorCritic(cfg["latent"], cfg["act_dim"])
    imagination = Imagination(world_model, cfg["horizon"], storage=cfg["storage"])
    actor_opt = torch.optim.Adam(agent.actor.parameters(), lr=8e-5)
    critic_opt = torch.optim.Adam(agent.critic.parameters(), lr=8e-5)
    for _ in range(cfg["updates"]):
        posterior = torch.randn(cfg["batch"], cfg["latent"])
        actor_loss, critic_loss = agent.losses(imagination, world_model, posterior)  # L
        actor_opt.zero_grad()
        critic_opt.zero_grad()
        (actor_loss + critic_loss).backward()
        actor_opt.step()
        critic_opt.step()
    print("actor", round(actor_loss.item(), 4), "critic", round(critic_loss.item(), 4))


if __name__ == "__main__":
    main()
