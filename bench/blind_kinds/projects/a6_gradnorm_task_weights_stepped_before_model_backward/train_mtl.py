import torch

from mtl import TASKS, GradNorm, HardSharingNet, task_losses


def train(steps=2, seed=0):
    torch.manual_seed(seed)
    model = HardSharingNet(TASKS)
    balancer = GradNorm(len(TASKS))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[1], gamma=0.5)
    for step in range(steps):
        x = torch.randn(16, 8)
        losses = task_losses(model(x), x)
        weighted = balancer.weighted(losses)
        balance = balancer.update(weighted, losses, model.last_shared)  # L
        opt.zero_grad()
        weighted.sum().backward()
        opt.step()
        sched.step()
        print(step, [round(v, 3) for v in losses.tolist()], round(balance.item(), 4))


if __name__ == "__main__":
    train()
