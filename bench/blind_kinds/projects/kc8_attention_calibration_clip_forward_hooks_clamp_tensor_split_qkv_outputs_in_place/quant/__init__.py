from .clip import ActivationClip, install_clip_hooks

__all__ = ["ActivationClip", "install_clip_hooks"]
