"""A TTS-style frame decoder: predictions are cropped to the target length, then padded frames zeroed."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def crop_to(t, length):
    """Crop the time axis to `length` frames (also used by the eval loop on plain tensors)."""
    return t[:, :length]


class FrameDecoder(nn.Module):
    def __init__(self, d_in=4, n_mels=3):
        super().__init__()
        self.rnn = nn.GRU(d_in, 8, batch_first=True)
        self.proj = nn.Linear(8, n_mels)

    def forward(self, x, target_len, frame_mask):
        out, _ = self.rnn(x)
        mel = crop_to(self.proj(out), target_len)
        mel.mul_(frame_mask.unsqueeze(-1))  # L
        return mel


def run():
    torch.manual_seed(0)
    model = FrameDecoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, target = torch.randn(2, 7, 4), torch.randn(2, 5, 3)
        lengths = torch.tensor([5, 3])
        frame_mask = (torch.arange(5)[None] < lengths[:, None]).float()
        mel = model(x, target.shape[1], frame_mask)
        loss = F.l1_loss(mel, target * frame_mask.unsqueeze(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
