import torch
import torch.nn.functional as F


class Learner:
    def __init__(self, net, target_net, memory, optimizer, batch_size=4, gamma=0.97):
        self.net, self.target_net, self.memory = net, target_net, memory
        self.opt, self.batch_size, self.gamma = optimizer, batch_size, gamma

    def td_loss(self, q, target_q, actions, rewards):
        q_taken = q[:-1].gather(-1, actions[:-1].unsqueeze(-1)).squeeze(-1)
        targets = rewards[:-1] + self.gamma * target_q[1:].max(-1).values
        return F.smooth_l1_loss(q_taken, targets)

    def train_step(self):
        rows, (obs, actions, rewards) = self.memory.sample(self.batch_size)
        q, (h, c) = self.net.unroll(obs, self.memory.initial_state(rows))
        with torch.no_grad():
            target_q, _ = self.target_net.unroll(obs, self.memory.initial_state(rows))
        loss = self.td_loss(q, target_q, actions, rewards)
        self.memory.refresh_(rows, h, c)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
