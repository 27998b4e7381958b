import torch
from torch.distributions import Categorical

from .losses import VALUE_LOSSES
from .returns import advantages_, n_step_returns


class A2CLearner:
    def __init__(self, model, value_loss="mse", gamma=0.99, value_coef=0.5, entropy_coef=0.01, lr=7e-4):
        self.model = model
        self.value_loss = VALUE_LOSSES[value_loss]
        self.gamma, self.value_coef, self.entropy_coef = gamma, value_coef, entropy_coef
        self.opt = torch.optim.RMSprop(model.parameters(), lr=lr, alpha=0.99, eps=1e-5)

    def update(self, rollout):
        obs, actions, rewards, dones, last_obs = rollout
        logits, values = self.model(obs)
        with torch.no_grad():
            bootstrap = self.model(last_obs)[1]
        returns = n_step_returns(rewards, dones, bootstrap, self.gamma)
        value_loss = self.value_loss(values, returns)
        adv = advantages_(values.detach(), returns)  # L
        dist = Categorical(logits=logits)
        policy_loss = -(dist.log_prob(actions) * adv).mean()
        loss = policy_loss + self.value_coef * value_loss - self.entropy_coef * dist.entropy().mean()
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 0.5)
        self.opt.step()
        return loss.item()
