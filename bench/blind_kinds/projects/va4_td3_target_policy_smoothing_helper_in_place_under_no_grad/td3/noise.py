import torch


def smooth_target_action_(action, noise_std, noise_clip, max_action):
    """Target policy smoothing: clipped Gaussian noise on the target actor's action, in place."""
    noise = (torch.randn_like(action) * noise_std).clamp(-noise_clip, noise_clip)
    return action.add_(noise).clamp_(-max_action, max_action)  # L
