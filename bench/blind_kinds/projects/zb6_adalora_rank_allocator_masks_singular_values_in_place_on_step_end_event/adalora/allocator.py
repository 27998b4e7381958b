import torch


class RankAllocator:
    """Sensitivity-smoothed importance of each singular value and a cubic budget schedule."""

    def __init__(self, model, target_rank, total_steps, beta=0.85):
        self.model, self.beta, self.total_steps = model, beta, total_steps
        self.names = [n for n, _ in model.named_parameters() if n.endswith("lora_E")]
        self.init_budget = sum(p.numel() for n, p in model.named_parameters() if n in self.names)
        self.target_budget = target_rank * len(self.names)
        self.exp_avg = {}

    def budget(self, step):
        frac = 1 - min(step / self.total_steps, 1.0)
        return int(self.target_budget + (self.init_budget - self.target_budget) * frac ** 3)

    @torch.no_grad()
    def update_importance(self):
        for name, p in self.model.named_parameters():
            if "lora_" in name and p.grad is not None:
                ipt = (p * p.grad).abs()
                self.exp_avg[name] = self.beta * self.exp_avg.get(name, ipt) + (1 - self.beta) * ipt

    @torch.no_grad()
    def mask_to_budget(self, budget):
        params = dict(self.model.named_parameters())
        scores = {n: self.exp_avg.get(n, params[n].abs()).flatten() for n in self.names}
        flat = torch.cat(list(scores.values()))
        k = flat.numel() - budget
        threshold = flat.kthvalue(k).values if k > 0 else flat.min() - 1
        for n in self.names:
            params[n].masked_fill_((scores[n] <= threshold).view_as(params[n]), 0.0)  # L

    def __call__(self, trainer):
        self.update_importance()
        self.mask_to_budget(self.budget(trainer.step))  # L
