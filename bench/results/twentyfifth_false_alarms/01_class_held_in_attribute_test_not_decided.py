"""``if self.ClassAct`` on an attribute that holds a class: always true; the linter keeps both arms.

From elegantrl 0.3.3, ``elegantrl_helloworld/MARL/eRL_demo_MADDPG.py``::

    class AgentBase:
        def __init__(self):
            ...
            self.act = self.act_target = ... = self.act_optim = self.ClassAct = None   # line 149

        def init(self, net_dim, state_dim, action_dim, ...):
            self.cri = self.ClassCri(...)
            self.act = self.ClassAct(net_dim, state_dim, action_dim) if self.ClassAct else self.cri   # line 175
            self.cri_optim = torch.optim.Adam(self.cri.parameters(), learning_rate)
            self.act_optim = torch.optim.Adam(self.act.parameters(), learning_rate) if self.ClassAct else self.cri

    class AgentDDPG(AgentBase):
        def __init__(self):
            super().__init__()
            self.ClassAct = Actor                                    # line 317
            self.ClassCri = Critic

``AgentMADDPG.update_agent`` builds the critic's loss ``vf_loss``, then the actor's,
``pol_loss.backward()``, ``curr_agent.act_optim.step()`` (line 445) and only then
``vf_loss.backward()``.  Every agent is an ``AgentDDPG``, whose ``ClassAct`` is the ``Actor``
class, which is true: ``act`` is its own network and ``act_optim`` holds only the actor's
parameters, so the step cannot touch the critic's weights that ``vf_loss`` saved.

The linter warns (IPL001, "``curr_agent.act_optim.step()`` updates parameters in place that
``Linear`` ... (its weight) saved for a backward that has not run yet"): a test on an attribute
is decided only when the attribute holds a known constant, so ``if self.ClassAct`` keeps both
arms, ``act`` may be the critic and ``act_optim`` the critic's optimizer.  With ``cls =
self.ClassAct`` and ``cls(n) if cls else self.cri`` (a test on a name, decided for a class) the
file is quiet.

Here the same order runs and backpropagates cleanly.
"""
import torch
from torch import nn


class Actor(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.net = nn.Linear(n, 1)

    def forward(self, s):
        return torch.tanh(self.net(s))


class Critic(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n + 1, 8), nn.ReLU(), nn.Linear(8, 1))

    def forward(self, s, a):
        return self.net(torch.cat((s, a), dim=1))


class AgentBase:
    def __init__(self):
        self.cri = self.cri_optim = self.ClassCri = None
        self.act = self.act_optim = self.ClassAct = None

    def init(self, n):
        self.cri = self.ClassCri(n)
        self.act = self.ClassAct(n) if self.ClassAct else self.cri
        self.cri_optim = torch.optim.Adam(self.cri.parameters(), 1e-3)
        self.act_optim = torch.optim.Adam(self.act.parameters(), 1e-3) if self.ClassAct else self.cri


class AgentDDPG(AgentBase):
    def __init__(self):
        super().__init__()
        self.ClassAct = Actor
        self.ClassCri = Critic


def update_agent(agent, s, a, r):
    vf_loss = (agent.cri(s, a).squeeze(1) - r).pow(2).mean()
    pol_loss = -agent.cri(s, agent.act(s)).mean()
    agent.act_optim.zero_grad()
    pol_loss.backward()
    agent.act_optim.step()
    agent.cri_optim.zero_grad()
    vf_loss.backward()
    agent.cri_optim.step()


def main():
    agent = AgentDDPG()
    agent.init(3)
    update_agent(agent, torch.randn(8, 3), torch.randn(8, 1), torch.randn(8))


if __name__ == "__main__":
    main()
