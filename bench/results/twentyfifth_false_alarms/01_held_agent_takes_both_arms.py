"""An agent whose ``ClassAct`` is always a class; the linter takes its actor as maybe the critic.

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

    class AgentMADDPG(AgentBase):
        def init(self, net_dim, state_dim, action_dim, ...):
            self.agents = [AgentDDPG() for i in range(n_agents)]
            for i in range(self.n_agents):
                self.agents[i].init(net_dim, state_dim, action_dim, ...)

``AgentMADDPG.update_agent`` builds the critic's loss ``vf_loss``, then the actor's,
``pol_loss.backward()``, ``curr_agent.act_optim.step()`` (line 445) and only then
``vf_loss.backward()``.  Every agent is an ``AgentDDPG``, whose ``__init__`` sets ``ClassAct``
to ``Actor`` after the base's ``None``: ``act`` is its own network and ``act_optim`` holds only
the actor's parameters, so the step cannot touch the critic's weights that ``vf_loss`` saved.

The linter warns (IPL001, "``curr_agent.act_optim.step()`` updates parameters in place that
``Linear`` ... (its weight) saved for a backward that has not run yet"): on the agent it reaches
there, both arms of ``... if self.ClassAct else self.cri`` count, so ``act`` may be the critic
and ``act_optim`` the critic's optimizer.  With ``self.act = self.ClassAct(...)`` alone the
library file is quiet; with the agent a local of the caller (``agent = AgentDDPG();
agent.init(3); update_agent(agent, ...)``) this file is quiet too.

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
        self.net = nn.Linear(n + 1, 1)

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


class AgentMADDPG(AgentBase):
    def __init__(self):
        super().__init__()
        self.agents = []

    def init(self, n, n_agents):
        self.agents = [AgentDDPG() for i in range(n_agents)]
        for i in range(n_agents):
            self.agents[i].init(n)

    def update(self, s, a, r):
        for index in range(len(self.agents)):
            update_agent(self.agents[index], s, a, r)


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
    agent = AgentMADDPG()
    agent.init(3, 2)
    agent.update(torch.randn(8, 3), torch.randn(8, 1), torch.randn(8))


if __name__ == "__main__":
    main()
