import torch


class A2C:
    """Synchronous advantage actor-critic; the update uses the log-probs and values kept while
    acting (no second forward over the stored observations)."""

    def __init__(self, policy, lr=7e-4, value_coef=0.5, entropy_coef=0.01, gamma=0.99):
        self.policy = policy
        self.opt = torch.optim.RMSprop(policy.parameters(), lr=lr, eps=1e-5, alpha=0.99)
        self.value_coef, self.entropy_coef, self.gamma = value_coef, entropy_coef, gamma

    def update(self, storage, values, log_probs, entropies):
        with torch.no_grad():
            storage.compute_returns(self.policy.value(storage.obs[-1]), self.gamma)
        values, log_probs = torch.stack(values), torch.stack(log_probs)
        advantages = storage.returns[:-1] - values
        loss = (-(advantages.detach() * log_probs).mean() + self.value_coef * advantages.pow(2).mean()
                - self.entropy_coef * torch.stack(entropies).mean())
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.policy.parameters(), 0.5)
        self.opt.step()
        storage.after_update()
        return loss.item()
