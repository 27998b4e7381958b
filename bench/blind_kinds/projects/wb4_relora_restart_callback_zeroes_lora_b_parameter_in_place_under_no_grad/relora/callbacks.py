from .lora import LoRALinear


class ReLoRARestart:
    """Every `every` optimizer steps: merge each LoRA update and restart it, and drop the
    optimizer state of the LoRA parameters (their moments belong to the old update)."""

    def __init__(self, every):
        self.every = every

    def on_step_end(self, trainer, step):
        if (step + 1) % self.every:
            return
        for module in trainer.model.modules():
            if isinstance(module, LoRALinear):
                module.merge_and_reinit()  # L
                for p in (module.lora_A, module.lora_B):
                    trainer.optimizer.state.pop(p, None)
