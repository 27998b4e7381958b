import torch


class LengthRegulator:
    """Expands each phoneme's hidden vector to its number of mel frames."""

    @staticmethod
    def frames_(log_dur):
        """Predicted frames per phoneme, round(exp(log_dur) - 1) >= 0, computed over the input."""
        return log_dur.exp_().sub_(1.0).round_().clamp_(min=0)  # L

    @staticmethod
    def expand(h, durations, max_frames):
        out = h.new_zeros(h.shape[0], max_frames, h.shape[2])
        for b in range(h.shape[0]):
            seq = torch.repeat_interleave(h[b], durations[b], dim=0)[:max_frames]
            out[b, :seq.shape[0]] = seq
        return out
