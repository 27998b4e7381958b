"""Target-network synchronisation strategies, run as callbacks after each optimizer step."""


class PolyakSync:
    def __init__(self, tau=0.005):
        self.tau = tau

    def after_update(self, agent):
        for tp, p in zip(agent.target.parameters(), agent.online.parameters()):
            tp.mul_(1.0 - self.tau).add_(p, alpha=self.tau)  # L


class HardSync:
    def __init__(self, every=100):
        self.every = every

    def after_update(self, agent):
        if agent.num_updates % self.every == 0:
            agent.target.load_state_dict(agent.online.state_dict())
