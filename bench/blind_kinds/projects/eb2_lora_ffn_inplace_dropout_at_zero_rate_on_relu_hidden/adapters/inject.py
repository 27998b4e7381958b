from .lora import LoRALinear


def inject_adapters(model, cfg):
    """Swaps every Linear whose attribute name is in cfg.targets for a LoRALinear around it."""
    for module in list(model.modules()):
        for name, child in list(module.named_children()):
            if name in cfg.targets:
                setattr(module, name, LoRALinear(child, cfg))
    return model


def adapter_parameters(model):
    return [p for n, p in model.named_parameters() if "lora_" in n]


def adapter_state_dict(model):
    return {n: t.detach().clone() for n, t in model.state_dict().items() if "lora_" in n}
