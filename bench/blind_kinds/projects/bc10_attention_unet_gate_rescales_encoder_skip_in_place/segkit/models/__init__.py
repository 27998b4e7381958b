from .unet import AttentionUNet, UNet

ARCHS = {"unet": UNet, "attention_unet": AttentionUNet}


def build_model(cfg):
    return ARCHS[cfg["arch"]](**cfg.get("kwargs", {}))
