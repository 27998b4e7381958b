import torch


class MasterWeightOptimizer:
    """bf16 model, fp32 master weights: the optimizer steps the fp32 copies, which are then
    rounded back into the model's bf16 parameters."""

    def __init__(self, model, optimizer_cls, **kwargs):
        self.model_params = [p for p in model.parameters() if p.requires_grad]
        self.master_params = [p.detach().float().clone().requires_grad_(True) for p in self.model_params]
        self.optimizer = optimizer_cls(self.master_params, **kwargs)

    def zero_grad(self):
        for p in self.model_params:
            p.grad = None

    def _grads_to_master(self):
        for p, m in zip(self.model_params, self.master_params):
            m.grad = None if p.grad is None else p.grad.float()

    def _copy_to_model(self):
        for p, m in zip(self.model_params, self.master_params):
            p.copy_(m)  # L

    def step(self):
        self._grads_to_master()
        self.optimizer.step()
        self._copy_to_model()  # L
