import torch
import torch.nn.functional as F

from codec import Codec


def main(steps=3):
    torch.manual_seed(0)
    model = Codec()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(steps):
        wav = torch.randn(2, 128)
        frames = wav.unfold(1, 16, 16).reshape(-1, 16)
        recon, vq_loss = model(frames)
        loss = F.l1_loss(recon, frames) + vq_loss
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
