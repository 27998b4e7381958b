import torch
import torch.nn.functional as F

from .rollout import discounted_returns


class A2CLearner:
    def __init__(self, agent, optimizer, gamma=0.9, value_coef=0.5, entropy_coef=0.01, max_grad_norm=0.5):
        self.agent = agent
        self.optimizer = optimizer
        self.gamma = gamma
        self.value_coef = value_coef
        self.entropy_coef = entropy_coef
        self.max_grad_norm = max_grad_norm

    def update(self, batch):
        logits, v_norm = self.agent(batch.obs)
        returns = discounted_returns(batch.rewards, batch.dones, self.gamma)
        head = self.agent.value_head
        head.update(returns)  # L
        targets = head.normalize(returns)
        adv = returns - head.unnormalize(v_norm.detach())
        dist = torch.distributions.Categorical(logits=logits)
        policy_loss = -(dist.log_prob(batch.actions) * adv).mean()
        value_loss = F.mse_loss(v_norm, targets)
        loss = policy_loss + self.value_coef * value_loss - self.entropy_coef * dist.entropy().mean()
        self.optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.agent.parameters(), self.max_grad_norm)
        self.optimizer.step()
        return {"loss": loss.item(), "mu": head.mu.item(), "sigma": head.sigma.item()}
